package org.cocommission.outcomes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.Role;
import org.cocommission.identity.UserView;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest e-mail's composition: one line per alert with its link, at most 25, then how many more. */
class AlertDigestTests {

	private static final UserView AREA = new UserView("area-q71", "Area Q71 commissioner", "q71@example.nhs.uk",
			Role.AREA_TEAM, "Q71", true, false, Instant.EPOCH);

	@Test
	void listsEachAlertWithItsLinkAndCountsTheRest() {
		List<Alert> alerts = new ArrayList<>();
		for (int i = 1; i <= AlertDigest.LISTED; i++) {
			alerts.add(alert(i));
		}
		String body = AlertDigest.body(AREA, alerts, 30);
		assertThat(body).startsWith("Dear Area Q71 commissioner,")
			.contains("- PRACTICE C71001 (C71001), Diabetes: HbA1c 64 mmol/mol or less: moved into the worst decile,"
					+ " 2013/14 to 2014/15. /outcomes/alerts/1\n")
			.contains("/outcomes/alerts/25\n")
			.contains("and 5 more.")
			.contains("/outcomes/alerts?acknowledged=no");
		assertThat(body.lines().filter(line -> line.startsWith("- "))).hasSize(AlertDigest.LISTED);
		assertThat(AlertDigest.body(AREA, List.of(alert(7)), 1)).doesNotContain("more.");
	}

	private static Alert alert(long id) {
		return new Alert(id, "PRAC-DMHBA", "Diabetes: HbA1c 64 mmol/mol or less", OutcomesLevel.PRACTICE, "C71001",
				"PRACTICE C71001", "71A", "Q71", AlertReason.INTO_WORST_DECILE, "2013/14", "2014/15", 70.0, 60.0, 4, 1,
				-4.6, Instant.EPOCH, null, null, null, 0);
	}
}
