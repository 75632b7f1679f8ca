package org.cocommission.outcomes.alerts;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.platform.Exports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts CSV prints each figure as the alert page shows it, to 2 decimal places, not the stored double (issue 21,
 * defect 5: PagesInBrowserIT found "1124.1148109913152" in the demo's export).
 */
class AlertCsvTests {

	@Test
	void valuesAndZArePrintedToTwoDecimalPlaces() {
		Alert alert = new Alert(7, "PRAC-DMHBA", "Diabetes: HbA1c 64 mmol/mol or less", OutcomesLevel.PRACTICE, "C71001",
				"PRACTICE C71001", "71A", "Q71", AlertReason.SIGNIFICANTLY_WORSE, "2013/14", "2014/15",
				1124.1148109913152, 88.11881188118812, 4, 1, -4.605, Instant.EPOCH, null, null, null, null, null, null,
				0);

		String csv = Exports.csv(AlertPageController.table(List.of(alert)));

		assertThat(csv).contains(",1124.11,88.12,4,1,-4.61,").doesNotContain("1124.114").doesNotContain("88.118");
	}
}
