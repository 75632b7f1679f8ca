package org.cocommission.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cocommission.outcomes.statistics.TrendStatisticsTests.indicator;
import static org.cocommission.outcomes.statistics.TrendStatisticsTests.row;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.ValueRow;

/** The chi-squared test for trend pinned to hand-worked examples (docs/domain-rules.md#outcomes, "Recent trend"). */
class ChiSquaredTrendTests {

	private static final List<String> FIVE = List.of("2011/12", "2012/13", "2013/14", "2014/15", "2015/16");

	/**
	 * 10, 15, 20, 25 and 30 of 100: p = 100/500 = 0.2; T = 1(-10) + 2(-5) + 3(0) + 4(5) + 5(10) = 50;
	 * var = 0.2 * 0.8 * (100 * 55 - 1500^2 / 500) = 0.16 * 1000 = 160; X^2 = 2500 / 160 = 15.625, above 9.5495.
	 */
	@Test
	void aSteadyRiseIsSignificantAndImprovingWhereHighIsGood() {
		RecentTrend trend = ChiSquaredTrend.of(indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD), "A81001",
				FIVE, rows(10, 15, 20, 25, 30));
		assertThat(trend.chiSquared()).isCloseTo(15.625, within(1e-12));
		assertThat(trend.significant()).isTrue();
		assertThat(trend.direction()).isEqualTo(TrendDirection.IMPROVING);
		assertThat(trend.fromPeriod()).isEqualTo("2011/12");
		assertThat(trend.toPeriod()).isEqualTo("2015/16");
		assertThat(ChiSquaredTrend.of(indicator(IndicatorType.PROPORTION, Polarity.LOW_IS_GOOD), "A81001", FIVE,
				rows(10, 15, 20, 25, 30)).direction()).isEqualTo(TrendDirection.WORSENING);
	}

	/**
	 * 10, 12, 15, 18 and 20 of 100: p = 0.15; T = -5 - 6 + 0 + 12 + 25 = 26; var = 0.15 * 0.85 * 1000 = 127.5;
	 * X^2 = 676 / 127.5 = 5.3020, below 9.5495.
	 */
	@Test
	void aSmallerRiseIsNotSignificant() {
		RecentTrend trend = ChiSquaredTrend.of(indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD), "A81001",
				FIVE, rows(10, 12, 15, 18, 20));
		assertThat(trend.chiSquared()).isCloseTo(676 / 127.5, within(1e-12));
		assertThat(trend.significant()).isFalse();
		assertThat(trend.direction()).isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
	}

	@Test
	void aFallWithNoJudgementIsLowerAndOnlyTheLastFivePointsCount() {
		List<String> six = List.of("2010/11", "2011/12", "2012/13", "2013/14", "2014/15", "2015/16");
		RecentTrend trend = ChiSquaredTrend.of(indicator(IndicatorType.PROPORTION, Polarity.NO_JUDGEMENT), "A81001", six,
				rows(90, 30, 25, 20, 15, 10));
		assertThat(trend.fromPeriod()).isEqualTo("2011/12");
		assertThat(trend.chiSquared()).isCloseTo(15.625, within(1e-12));
		assertThat(trend.direction()).isEqualTo(TrendDirection.LOWER);
	}

	@Test
	void fewerThanFivePointsOrARateAreNotTested() {
		Indicator proportion = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);
		assertThat(ChiSquaredTrend.of(proportion, "A81001", FIVE.subList(0, 4), rows(10, 15, 20, 25)).direction())
			.isEqualTo(TrendDirection.NOT_TESTED);
		RecentTrend rate = ChiSquaredTrend.of(indicator(IndicatorType.CRUDE_RATE, Polarity.HIGH_IS_GOOD), "A81001",
				FIVE, rows(10, 15, 20, 25, 30));
		assertThat(rate.direction()).isEqualTo(TrendDirection.NOT_TESTED);
		assertThat(rate.chiSquared()).isNull();
	}

	private static List<ValueRow> rows(int... numerators) {
		return java.util.Arrays.stream(numerators).mapToObj(numerator -> row(numerator, 100)).toList();
	}
}
