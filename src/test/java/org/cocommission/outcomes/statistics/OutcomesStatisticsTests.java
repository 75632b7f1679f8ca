package org.cocommission.outcomes.statistics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cocommission.outcomes.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.cocommission.outcomes.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Polarity;

/**
 * Each method pinned to published values (Newcombe 1998 table II for Wilson; standard exact Poisson tables) and to
 * values worked by hand from the formulas in docs/domain-rules.md#outcomes (checked independently with scipy).
 */
class OutcomesStatisticsTests {

	@Test
	void wilsonScoreMatchesNewcombesPublishedIntervals() {
		assertInterval(WilsonScore.interval(81, 263, NINETY_FIVE), 0.2553, 0.3662, 0.00005);
		assertInterval(WilsonScore.interval(15, 148, NINETY_FIVE), 0.0624, 0.1605, 0.00005);
		assertInterval(WilsonScore.interval(0, 20, NINETY_FIVE), 0.0, 0.1611, 0.00005);
		assertInterval(WilsonScore.interval(1, 29, NINETY_FIVE), 0.0061, 0.1718, 0.00005);
	}

	@Test
	void wilsonScoreAt998PercentWidensTheInterval() {
		assertInterval(WilsonScore.interval(81, 263, NINETY_NINE_POINT_EIGHT), 0.228036, 0.401389, 1e-6);
		// The QOF diabetes register of A81001 in the sample: 286 of 3,307 patients aged 17 or over.
		assertInterval(WilsonScore.interval(286, 3307, NINETY_FIVE), 0.077377, 0.096549, 1e-6);
	}

	@Test
	void exactPoissonLimitsBelowTenEventsMatchTheTables() {
		assertInterval(ByarsMethod.countLimits(0, NINETY_FIVE), 0.0, 3.6889, 1e-4);
		assertInterval(ByarsMethod.countLimits(5, NINETY_FIVE), 1.6235, 11.6683, 1e-4);
		assertInterval(ByarsMethod.countLimits(9, NINETY_NINE_POINT_EIGHT), 2.4524, 22.6574, 1e-4);
		assertInterval(ByarsMethod.countLimits(0, NINETY_NINE_POINT_EIGHT), 0.0, 6.9078, 1e-4);
	}

	@Test
	void theTabledExactLimitsAreTheSolvedOnesForEveryCountBelowTen() {
		for (ConfidenceLevel level : ConfidenceLevel.values()) {
			for (int observed = 0; observed < ByarsMethod.EXACT_BELOW; observed++) {
				assertThat(ByarsMethod.countLimits(observed, level)).isEqualTo(ExactPoisson.countLimits(observed, level));
			}
		}
	}

	@Test
	void byarsMethodFromTenEvents() {
		assertInterval(ByarsMethod.countLimits(10, NINETY_FIVE), 4.787450, 18.391459, 1e-5);
		assertInterval(ByarsMethod.countLimits(100, NINETY_FIVE), 81.362105, 121.627938, 1e-5);
		assertInterval(ByarsMethod.countLimits(100, NINETY_NINE_POINT_EIGHT), 71.903694, 134.943618, 1e-5);
		// A crude rate: 100 events in 20,000 people per 1,000 is 5.0 (4.068 to 6.081).
		assertInterval(ByarsMethod.rateLimits(100, 20_000, 1_000, NINETY_FIVE), 4.068105, 6.081397, 1e-5);
	}

	@Test
	void dobsonMethodAroundByarLimitsOfTheTotalCount() {
		var bands = List.of(new DobsonMethod.Band(5, 1000, 2000), new DobsonMethod.Band(20, 1500, 3000),
				new DobsonMethod.Band(60, 1200, 2500), new DobsonMethod.Band(120, 800, 1500));
		var at95 = DobsonMethod.standardise(bands, 100_000, NINETY_FIVE);
		assertThat(at95.rate()).isCloseTo(4444.4444, within(1e-3));
		assertInterval(at95.interval(), 3856.1270, 5097.0457, 1e-3);
		assertInterval(DobsonMethod.standardise(bands, 100_000, NINETY_NINE_POINT_EIGHT).interval(), 3545.2939,
				5491.2846, 1e-3);
	}

	@Test
	void dobsonSuppressesFewerThanTenEvents() {
		var result = DobsonMethod.standardise(List.of(new DobsonMethod.Band(9, 1000, 1000)), 100_000, NINETY_FIVE);
		assertThat(result.rate()).isNull();
		assertThat(result.interval().complete()).isFalse();
	}

	@Test
	void comparisonRespectsPolarity() {
		Interval above = new Interval(0.30, 0.40);
		Interval around = new Interval(0.20, 0.30);
		Interval below = new Interval(0.10, 0.20);
		double england = 0.25;
		assertThat(BenchmarkComparison.compare(above, england, Polarity.HIGH_IS_GOOD)).isEqualTo(Comparison.BETTER);
		assertThat(BenchmarkComparison.compare(above, england, Polarity.LOW_IS_GOOD)).isEqualTo(Comparison.WORSE);
		assertThat(BenchmarkComparison.compare(below, england, Polarity.HIGH_IS_GOOD)).isEqualTo(Comparison.WORSE);
		assertThat(BenchmarkComparison.compare(below, england, Polarity.LOW_IS_GOOD)).isEqualTo(Comparison.BETTER);
		assertThat(BenchmarkComparison.compare(around, england, Polarity.HIGH_IS_GOOD)).isEqualTo(Comparison.SIMILAR);
		assertThat(BenchmarkComparison.compare(above, england, Polarity.NO_JUDGEMENT)).isEqualTo(Comparison.HIGHER);
		assertThat(BenchmarkComparison.compare(below, england, Polarity.NO_JUDGEMENT)).isEqualTo(Comparison.LOWER);
		assertThat(BenchmarkComparison.compare(new Interval(null, 0.2), england, Polarity.HIGH_IS_GOOD))
			.isEqualTo(Comparison.NOT_COMPARED);
	}

	@Test
	void benchmarkOnTheLimitIsSimilar() {
		assertThat(BenchmarkComparison.compare(new Interval(0.25, 0.30), 0.25, Polarity.HIGH_IS_GOOD))
			.isEqualTo(Comparison.SIMILAR);
	}

	@Test
	void decilesInterpolateOnAHandWorkedSet() {
		// n = 6: h = 5f + 1, so the 10th percentile is v1 + 0.5(v2 - v1) = 15 and the 90th v5 + 0.5(v6 - v5) = 55.
		double[] cuts = Percentiles.decileCuts(new double[] { 60, 10, 40, 20, 50, 30 });
		assertThat(cuts).containsExactly(15, 20, 25, 30, 35, 40, 45, 50, 55);
		assertThat(Percentiles.decile(10, cuts)).isEqualTo(1);
		assertThat(Percentiles.decile(15, cuts)).isEqualTo(1);
		assertThat(Percentiles.decile(16, cuts)).isEqualTo(2);
		assertThat(Percentiles.decile(60, cuts)).isEqualTo(10);
	}

	@Test
	void decilesNeedFiveValues() {
		assertThat(Percentiles.decileCuts(new double[] { 1, 2, 3, 4 })).isNull();
		assertThat(Percentiles.decile(3, null)).isNull();
		assertThat(Percentiles.decileCuts(new double[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 })).containsExactly(1, 2, 3, 3,
				4, 5, 5, 5, 6);
	}

	@Test
	void funnelLimitsForProportions() {
		assertInterval(FunnelLimits.proportion(0.2, 100, NINETY_FIVE), 0.121601, 0.278399, 1e-6);
		assertInterval(FunnelLimits.proportion(0.2, 1000, NINETY_NINE_POINT_EIGHT), 0.160911, 0.239089, 1e-6);
		assertInterval(FunnelLimits.proportion(0.2, 10_000, NINETY_FIVE), 0.192160, 0.207840, 1e-6);
	}

	@Test
	void funnelLimitsForRatesUseThePoissonLimitsOfTheExpectedCount() {
		// 5 per 1,000 in 20,000 people: 100 expected events, Byar limits 81.36 and 121.63.
		assertInterval(FunnelLimits.rate(5, 20_000, 1_000, NINETY_FIVE), 4.068105, 6.081397, 1e-5);
		assertThat(FunnelLimits.outcome(6.5, FunnelLimits.rate(5, 20_000, 1_000, NINETY_FIVE),
				FunnelLimits.rate(5, 20_000, 1_000, NINETY_NINE_POINT_EIGHT))).isEqualTo("High (95%)");
	}

	private static void assertInterval(Interval interval, double lower, double upper, double tolerance) {
		assertThat(interval.lower()).isCloseTo(lower, within(tolerance));
		assertThat(interval.upper()).isCloseTo(upper, within(tolerance));
	}
}
