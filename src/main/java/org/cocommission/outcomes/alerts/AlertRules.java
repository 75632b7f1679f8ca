package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.statistics.Trend;
import org.cocommission.outcomes.statistics.TrendDirection;
import org.cocommission.outcomes.statistics.TrendSignificance;
import org.cocommission.outcomes.ValueRow;

/**
 * When a practice or CCG goes on the alert list, comparing the latest period with the previous one: it became
 * significantly worse at 95% ({@link TrendSignificance}), or it moved into the worst decile - decile 1 where high is
 * good, 10 where low is good - from another decile. Neither applies where the indicator carries no judgement. As
 * OpenPrescribing does, the worst-decile alert ignores small numerators and proportions stuck at 0 or 100%: a small
 * practice's decile moves by chance, and a value at a bound is usually how the practice records, not how it does.
 * Source: issue 5, item 7, after OpenPrescribing's alerts (docs/domain-rules.md#outcomes).
 */
final class AlertRules {

	/** Below this many events in the latest period, moving into the worst decile is not an alert (OpenPrescribing). */
	static final int SMALL_NUMERATOR = 15;

	private AlertRules() {
	}

	/** A new alert, before it is stored. */
	record Raised(String indicatorId, OutcomesLevel level, String orgCode, String orgName, String ccgCode,
			String areaTeamCode, AlertReason reason, String previousPeriod, String period, Double previousValue,
			Double value, Integer previousDecile, Integer decile, Double z) {
	}

	/** The decile that is worst by polarity, or null where there is no judgement. */
	static Integer worstDecile(Polarity polarity) {
		return switch (polarity) {
			case HIGH_IS_GOOD -> 1;
			case LOW_IS_GOOD -> 10;
			case NO_JUDGEMENT -> null;
		};
	}

	/**
	 * The alerts of one level of one indicator, from {@code previous} (by organisation code) to {@code latest}.
	 * {@code areaTeamOfCcg} places a practice's CCG in its area team.
	 */
	static List<Raised> evaluate(Indicator indicator, OutcomesLevel level, String previousPeriod,
			Map<String, ValueRow> previous, String period, List<ValueRow> latest, Map<String, String> areaTeamOfCcg) {
		List<Raised> raised = new ArrayList<>();
		if (indicator.polarity() == Polarity.NO_JUDGEMENT) {
			return raised;
		}
		Integer worst = worstDecile(indicator.polarity());
		for (ValueRow row : latest) {
			ValueRow before = previous.get(row.orgCode());
			if (before == null) {
				continue;
			}
			String ccg = level == OutcomesLevel.CCG ? row.orgCode() : row.parentCode();
			String areaTeam = level == OutcomesLevel.CCG ? row.parentCode() : areaTeamOfCcg.get(ccg);
			Trend trend = TrendSignificance.between(indicator, previousPeriod, before, period, row);
			if (trend.direction() == TrendDirection.WORSENING) {
				raised.add(new Raised(indicator.id(), level, row.orgCode(), row.orgName(), ccg, areaTeam,
						AlertReason.SIGNIFICANTLY_WORSE, previousPeriod, period, before.value(), row.value(),
						before.decile(), row.decile(), trend.z()));
			}
			if (worst.equals(row.decile()) && before.decile() != null && !worst.equals(before.decile())
					&& !unstable(indicator, row)) {
				raised.add(new Raised(indicator.id(), level, row.orgCode(), row.orgName(), ccg, areaTeam,
						AlertReason.INTO_WORST_DECILE, previousPeriod, period, before.value(), row.value(),
						before.decile(), row.decile(), trend.z()));
			}
		}
		return raised;
	}

	/** Too few events, or a proportion at 0 or 100%, for its decile to mean anything. */
	static boolean unstable(Indicator indicator, ValueRow row) {
		if (row.numerator() < SMALL_NUMERATOR) {
			return true;
		}
		return indicator.type() == IndicatorType.PROPORTION && row.value() != null
				&& (row.value() <= 0 || row.value() >= indicator.multiplier());
	}
}
