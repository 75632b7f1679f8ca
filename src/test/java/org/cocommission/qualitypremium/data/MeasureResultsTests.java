package org.cocommission.qualitypremium.data;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Another source's values (the outcomes indicators, once they exist) are used where present, uploads otherwise. */
class MeasureResultsTests {

	@Test
	void anotherSourcesValuesTakePrecedenceValueByValueAndUploadsFillTheRest() {
		CcgInputs uploaded = new CcgInputs("01A",
				Map.of("PYLL", Map.of("2012/13", CcgInputs.Value.of("2000"), "2013/14", CcgInputs.Value.of("1990")),
						"FFT", Map.of("2013/14", CcgInputs.Value.of("1"))),
				Map.of("AE4H", new BigDecimal("94")), Map.of("FINANCE", true));
		CcgInputs outcomes = new CcgInputs("01A", Map.of("PYLL", Map.of("2013/14", CcgInputs.Value.of("1900"))),
				Map.of("AE4H", new BigDecimal("95.5")), Map.of());
		CcgInputs onlyOutcomes = new CcgInputs("02B", Map.of("PYLL", Map.of("2013/14", CcgInputs.Value.of("1800"))),
				Map.of(), Map.of());

		Map<String, CcgInputs> merged = MeasureResults.merge(Map.of("01A", uploaded),
				List.of(Map.of("01A", outcomes, "02B", onlyOutcomes)));

		CcgInputs a = merged.get("01A");
		assertThat(a.measure("PYLL", "2013/14").value()).isEqualByComparingTo("1900");
		assertThat(a.measure("PYLL", "2012/13").value()).isEqualByComparingTo("2000");
		assertThat(a.measure("FFT", "2013/14").value()).isEqualByComparingTo("1");
		assertThat(a.standards().get("AE4H")).isEqualByComparingTo("95.5");
		assertThat(a.gateways()).containsEntry("FINANCE", true);
		assertThat(merged.get("02B").measure("PYLL", "2013/14").value()).isEqualByComparingTo("1800");
	}

	@Test
	void withNoOtherSourceTheUploadsAreUsedAsTheyAre() {
		CcgInputs uploaded = new CcgInputs("01A", Map.of("FFT", Map.of("2013/14", CcgInputs.Value.of("0"))), Map.of(),
				Map.of("QUALITY", false));

		assertThat(MeasureResults.merge(Map.of("01A", uploaded), List.of())).containsExactly(Map.entry("01A", uploaded));
	}
}
