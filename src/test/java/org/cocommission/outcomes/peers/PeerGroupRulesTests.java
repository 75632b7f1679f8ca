package org.cocommission.outcomes.peers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cocommission.outcomes.imports.Period;

/** Most similar peers on a crafted set, and the periods observations are keyed by. */
class PeerGroupRulesTests {

	@Test
	void standardisesEachVariableSoThatUnitsDoNotDecide() {
		// Population in thousands and a share in percent: without z-scores the population would swamp the share.
		Map<String, double[]> raw = new LinkedHashMap<>();
		raw.put("A", new double[] { 100, 10 });
		raw.put("B", new double[] { 300, 20 });
		raw.put("C", new double[] { 500, 30 });
		Map<String, double[]> z = MostSimilar.standardise(raw);
		// Mean 300 and 20; population standard deviations 163.299 and 8.165: A and C are -/+ 1.2247 on both.
		assertThat(z.get("A")[0]).isCloseTo(-1.224745, within(1e-6));
		assertThat(z.get("A")[1]).isCloseTo(-1.224745, within(1e-6));
		assertThat(z.get("B")).containsExactly(0, 0);
	}

	@Test
	void findsTheNearestTenInOrderOnACraftedSet() {
		// Twelve CCGs on a line (one variable, z-scores spaced equally) and one outlier far away.
		Map<String, double[]> scores = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			scores.put(String.format("%02d", i), new double[] { i, 0 });
		}
		scores.put("XX", new double[] { 100, 100 });
		var nearest = MostSimilar.nearest(scores, 10);
		assertThat(nearest.get("00")).extracting(MostSimilar.Peer::code)
			.containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10");
		assertThat(nearest.get("00").get(0).distance()).isCloseTo(1.0, within(1e-12));
		// Ties (05 is 1 from both 04 and 06) are broken by code.
		assertThat(nearest.get("05")).extracting(MostSimilar.Peer::code).startsWith("04", "06", "03", "07");
		assertThat(nearest.get("XX")).hasSize(10).extracting(MostSimilar.Peer::code).doesNotContain("XX");
		assertThat(nearest.get("XX").get(0).code()).isEqualTo("11");
	}

	@Test
	void aVariableWithNoSpreadCarriesNoWeight() {
		Map<String, double[]> raw = new LinkedHashMap<>();
		raw.put("A", new double[] { 1, 7 });
		raw.put("B", new double[] { 3, 7 });
		assertThat(MostSimilar.standardise(raw).get("A")).containsExactly(-1, 0);
	}

	@Test
	void periodsParseInTheirThreeForms() {
		Period month = Period.parse("2014-05");
		assertThat(month.starts()).hasToString("2014-05-01");
		assertThat(month.ends()).hasToString("2014-05-31");
		assertThat(month.listDate()).hasToString("2014-04-01");
		Period quarter = Period.parse("2014-Q3");
		assertThat(quarter.starts()).hasToString("2014-07-01");
		assertThat(quarter.ends()).hasToString("2014-09-30");
		Period year = Period.parse("2019/20");
		assertThat(year.starts()).hasToString("2019-04-01");
		assertThat(year.ends()).hasToString("2020-03-31");
		assertThat(year.listDate()).hasToString("2019-10-01");
		assertThatThrownBy(() -> Period.parse("2019/21")).hasMessageContaining("financial year");
		assertThatThrownBy(() -> Period.parse("2019-13")).hasMessageContaining("YYYY-MM");
		assertThatThrownBy(() -> Period.parse("2019")).hasMessageContaining("YYYY-Qn");
	}
}
