package org.cocommission.outcomes.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;
import org.cocommission.outcomes.ValueRow;

/** The trend tests pinned to worked examples, each checked by hand and against scipy. */
public class TrendStatisticsTests {

	private static final Indicator PROPORTION = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);

	private static final Indicator RATE = indicator(IndicatorType.CRUDE_RATE, Polarity.LOW_IS_GOOD);

	private static final Indicator DSR = indicator(IndicatorType.DSR, Polarity.LOW_IS_GOOD);

	@Test
	void twoProportionsByThePooledZTest() {
		// 45/100 then 30/100: pooled p = 0.375, SE = sqrt(0.375 * 0.625 * 0.02) = 0.068465, z = -0.15 / SE = -2.1909;
		// z^2 = 4.8 is Pearson's chi-squared of [[45, 55], [30, 70]] (scipy chi2_contingency, no correction).
		Double z = TwoProportionsZ.z(45, 100, 30, 100);
		assertThat(z).isCloseTo(-2.1908902, within(1e-6));
		assertThat(z * z).isCloseTo(4.8, within(1e-9));
		assertThat(TwoProportionsZ.z(0, 50, 0, 80)).isZero();
		assertThat(TwoProportionsZ.z(5, 0, 3, 10)).isNull();
	}

	@Test
	void twoCrudeRatesByTheConditionalTestOfTheirRatio() {
		// 100 then 130 events in 10,000 each: pi0 = 0.5, z = (130 - 115) / sqrt(230 * 0.25) = 1.9781.
		assertThat(PoissonRateRatio.z(100, 10_000, 130, 10_000)).isCloseTo(1.9781414, within(1e-6));
		// 200 in 50,000 then 150 in 60,000: pi0 = 6/11, z = (150 - 190.909) / sqrt(350 * 6/11 * 5/11) = -4.3916.
		assertThat(PoissonRateRatio.z(200, 50_000, 150, 60_000)).isCloseTo(-4.3915503, within(1e-6));
		assertThat(PoissonRateRatio.z(0, 1_000, 0, 1_000)).isNull();
	}

	@Test
	void theRateRatioTestAgreesWithTheWilsonIntervalOfTheLaterShare() {
		// Significant at 95% exactly when the Wilson interval of 130/230 excludes the share 0.5 expected if equal.
		Interval share = WilsonScore.interval(130, 230, ConfidenceLevel.NINETY_FIVE);
		assertThat(share.lower()).isGreaterThan(0.5);
		Interval notSignificant = WilsonScore.interval(128, 230, ConfidenceLevel.NINETY_FIVE);
		assertThat(notSignificant.lower()).isLessThan(0.5);
		assertThat(PoissonRateRatio.z(102, 10_000, 128, 10_000)).isLessThan(1.959964);
	}

	@Test
	void twoStandardisedRatesByTheirDifferenceWithDobsonDerivedErrors() {
		// 2,061 (95% 2,000 to 2,123) then 1,950 (1,890 to 2,011): SE 31.378 and 30.868, z = -111 / 44.016 = -2.5218.
		Double z = DsrDifference.z(2061.0, new Interval(2000.0, 2123.0), 1950.0, new Interval(1890.0, 2011.0));
		assertThat(z).isCloseTo(-2.5218059, within(1e-6));
		assertThat(DsrDifference.z(2061.0, Interval.NONE, 1950.0, new Interval(1890.0, 2011.0))).isNull();
	}

	@Test
	void significanceAt95And998AndDirectionByPolarity() {
		Trend fell = TrendSignificance.between(PROPORTION, "2013/14", row(45, 100), "2014/15", row(30, 100));
		assertThat(fell.significant95()).isTrue();
		assertThat(fell.significant998()).isFalse();
		assertThat(fell.direction()).isEqualTo(TrendDirection.WORSENING);
		Trend bigFall = TrendSignificance.between(PROPORTION, "2013/14", row(450, 1000), "2014/15", row(300, 1000));
		assertThat(bigFall.significant998()).isTrue();
		// Low is good: a significant fall of a rate is an improvement, a rise a worsening.
		Trend rateFell = TrendSignificance.between(RATE, "2013/14", row(200, 50_000), "2014/15", row(150, 60_000));
		assertThat(rateFell.direction()).isEqualTo(TrendDirection.IMPROVING);
		assertThat(TrendSignificance.direction(Polarity.LOW_IS_GOOD, 2.5, true)).isEqualTo(TrendDirection.WORSENING);
		assertThat(TrendSignificance.direction(Polarity.NO_JUDGEMENT, 2.5, true)).isEqualTo(TrendDirection.HIGHER);
		assertThat(TrendSignificance.direction(Polarity.NO_JUDGEMENT, -2.5, true)).isEqualTo(TrendDirection.LOWER);
		assertThat(TrendSignificance.direction(Polarity.HIGH_IS_GOOD, -1.5, false))
			.isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
		Trend dsr = TrendSignificance.between(DSR, "2013/14", new ValueRow("01A", "A", null, 500, 24_260, 2061.0, 2000.0,
				2123.0, null, null, "SIMILAR", null), "2014/15", new ValueRow("01A", "A", null, 470, 24_100, 1950.0,
						1890.0, 2011.0, null, null, "SIMILAR", null));
		assertThat(dsr.direction()).isEqualTo(TrendDirection.IMPROVING);
		Trend missing = TrendSignificance.between(PROPORTION, "2013/14", null, "2014/15", row(30, 100));
		assertThat(missing.direction()).isEqualTo(TrendDirection.NOT_TESTED);
	}

	public static ValueRow row(double numerator, double denominator) {
		return row("A81001", numerator, denominator, null);
	}

	public static ValueRow row(String org, double numerator, double denominator, Integer decile) {
		return new ValueRow(org, "Practice " + org, "01A", numerator, denominator, numerator / denominator * 100, null,
				null, null, null, "SIMILAR", decile);
	}

	public static Indicator indicator(IndicatorType type, Polarity polarity) {
		int multiplier = type == IndicatorType.PROPORTION ? 100 : 100_000;
		StatisticalMethod method = switch (type) {
			case PROPORTION -> StatisticalMethod.WILSON;
			case CRUDE_RATE -> StatisticalMethod.BYAR;
			case DSR -> StatisticalMethod.DOBSON;
		};
		return new Indicator("TEST-" + type + "-" + polarity, "Test " + type, OutcomesDomain.values()[0],
				OutcomesLevel.PRACTICE, type, multiplier, polarity, "numerator", "denominator", false, "test", method, null);
	}
}
