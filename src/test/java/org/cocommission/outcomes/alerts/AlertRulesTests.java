package org.cocommission.outcomes.alerts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.statistics.TrendStatisticsTests.indicator;
import static org.cocommission.outcomes.statistics.TrendStatisticsTests.row;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.ValueRow;

/** The alert rules on a crafted set: worse, into the worst decile, polarity, no judgement. */
class AlertRulesTests {

	private static final Map<String, String> AREA = Map.of("01A", "Q01");

	@Test
	void aSignificantFallWhereHighIsGoodIsAnAlertAndASmallOneIsNot() {
		Indicator highIsGood = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);
		List<AlertRules.Raised> raised = AlertRules.evaluate(highIsGood, OutcomesLevel.PRACTICE, "2013/14",
				Map.of("P1", row("P1", 45, 100, 5), "P2", row("P2", 45, 100, 5)), "2014/15",
				List.of(row("P1", 30, 100, 5), row("P2", 40, 100, 5)), AREA);
		assertThat(raised).singleElement().satisfies(alert -> {
			assertThat(alert.orgCode()).isEqualTo("P1");
			assertThat(alert.reason()).isEqualTo(AlertReason.SIGNIFICANTLY_WORSE);
			assertThat(alert.ccgCode()).isEqualTo("01A");
			assertThat(alert.areaTeamCode()).isEqualTo("Q01");
			assertThat(alert.previousValue()).isEqualTo(45.0);
			assertThat(alert.value()).isEqualTo(30.0);
		});
	}

	@Test
	void theSameFallWhereLowIsGoodIsNoAlertButARiseIs() {
		Indicator lowIsGood = indicator(IndicatorType.PROPORTION, Polarity.LOW_IS_GOOD);
		List<AlertRules.Raised> raised = AlertRules.evaluate(lowIsGood, OutcomesLevel.PRACTICE, "2013/14",
				Map.of("P1", row("P1", 45, 100, 5), "P2", row("P2", 30, 100, 5)), "2014/15",
				List.of(row("P1", 30, 100, 5), row("P2", 45, 100, 5)), AREA);
		assertThat(raised).extracting(AlertRules.Raised::orgCode).containsExactly("P2");
	}

	@Test
	void movingIntoTheWorstDecileByPolarityIsAnAlertStayingThereIsNot() {
		Indicator highIsGood = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);
		Map<String, ValueRow> before = Map.of("P1", row("P1", 40, 100, 3), "P2", row("P2", 40, 100, 1), "P3",
				row("P3", 40, 100, 9));
		List<ValueRow> after = List.of(row("P1", 40, 100, 1), row("P2", 40, 100, 1), row("P3", 40, 100, 10));
		assertThat(AlertRules.evaluate(highIsGood, OutcomesLevel.PRACTICE, "2013/14", before, "2014/15", after, AREA))
			.singleElement()
			.satisfies(alert -> {
				assertThat(alert.orgCode()).isEqualTo("P1");
				assertThat(alert.reason()).isEqualTo(AlertReason.INTO_WORST_DECILE);
				assertThat(alert.previousDecile()).isEqualTo(3);
				assertThat(alert.decile()).isEqualTo(1);
			});
		Indicator lowIsGood = indicator(IndicatorType.PROPORTION, Polarity.LOW_IS_GOOD);
		assertThat(AlertRules.evaluate(lowIsGood, OutcomesLevel.PRACTICE, "2013/14", before, "2014/15", after, AREA))
			.extracting(AlertRules.Raised::orgCode)
			.containsExactly("P3");
	}

	@Test
	void theWorstDecileIgnoresSmallNumeratorsAndProportionsAtZeroOrAHundredPercent() {
		Indicator highIsGood = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);
		Map<String, ValueRow> before = Map.of("P1", row("P1", 20, 40, 4), "P2", row("P2", 20, 40, 4), "P3",
				row("P3", 20, 40, 4));
		// P1 has 14 events (under 15), P2 exactly 15, P3 none at all (0%).
		List<ValueRow> after = List.of(row("P1", 14, 40, 1), row("P2", 15, 40, 1), row("P3", 0, 40, 1));
		assertThat(AlertRules.evaluate(highIsGood, OutcomesLevel.PRACTICE, "2013/14", before, "2014/15", after, AREA))
			.filteredOn(alert -> alert.reason() == AlertReason.INTO_WORST_DECILE)
			.extracting(AlertRules.Raised::orgCode)
			.containsExactly("P2");
		Indicator lowIsGood = indicator(IndicatorType.PROPORTION, Polarity.LOW_IS_GOOD);
		assertThat(AlertRules.evaluate(lowIsGood, OutcomesLevel.PRACTICE, "2013/14",
				Map.of("P4", row("P4", 20, 40, 5)), "2014/15", List.of(row("P4", 40, 40, 10)), AREA))
			.as("100%% is a recording pattern, not a decile")
			.noneMatch(alert -> alert.reason() == AlertReason.INTO_WORST_DECILE);
	}

	@Test
	void noJudgementIndicatorsRaiseNothing() {
		Indicator noJudgement = indicator(IndicatorType.PROPORTION, Polarity.NO_JUDGEMENT);
		assertThat(AlertRules.evaluate(noJudgement, OutcomesLevel.PRACTICE, "2013/14",
				Map.of("P1", row("P1", 90, 100, 5)), "2014/15", List.of(row("P1", 10, 100, 10)), AREA))
			.isEmpty();
		assertThat(AlertRules.worstDecile(Polarity.NO_JUDGEMENT)).isNull();
	}

	@Test
	void aCcgIsPlacedInItsOwnAreaTeam() {
		Indicator highIsGood = indicator(IndicatorType.PROPORTION, Polarity.HIGH_IS_GOOD);
		ValueRow before = new ValueRow("01A", "CCG", "Q01", 4500, 10_000, 45.0, null, null, null, null, "SIMILAR", 4);
		ValueRow after = new ValueRow("01A", "CCG", "Q01", 4000, 10_000, 40.0, null, null, null, null, "SIMILAR", 1);
		assertThat(AlertRules.evaluate(highIsGood, OutcomesLevel.CCG, "2013/14", Map.of("01A", before), "2014/15",
				List.of(after), Map.of()))
			.extracting(AlertRules.Raised::reason, AlertRules.Raised::ccgCode, AlertRules.Raised::areaTeamCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AlertReason.SIGNIFICANTLY_WORSE, "01A", "Q01"),
					org.assertj.core.groups.Tuple.tuple(AlertReason.INTO_WORST_DECILE, "01A", "Q01"));
	}
}
