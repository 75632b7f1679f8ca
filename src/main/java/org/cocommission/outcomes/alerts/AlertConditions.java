package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;

import org.springframework.stereotype.Component;

/**
 * The alerts whose condition holds for one indicator between two periods, at CCG level and, for a practice indicator,
 * at practice level: what is raised after a recompute, and what an open alert is checked against after a correction.
 */
@Component
class AlertConditions {

	/** One indicator's pair of periods an alert compares. */
	record Pair(String indicatorId, String previousPeriod, String period) {
	}

	private final OutcomesValues values;

	AlertConditions(OutcomesValues values) {
		this.values = values;
	}

	List<AlertRules.Raised> evaluate(Indicator indicator, String previous, String latest) {
		return evaluate(indicator, previous, latest, null);
	}

	/**
	 * As above on the values of a chosen structure (docs/domain-rules.md#outcomes, "Alerts in a chosen structure");
	 * null or {@code as-was}: the stored values, on which the stored alerts are raised.
	 */
	List<AlertRules.Raised> evaluate(Indicator indicator, String previous, String latest, Structure structure) {
		List<AlertRules.Raised> raised = new ArrayList<>();
		if (indicator.polarity() == Polarity.NO_JUDGEMENT) {
			return raised;
		}
		List<ValueRow> ccgs = values(indicator, OutcomesLevel.CCG, latest, structure);
		Map<String, String> areaTeamOfCcg = new HashMap<>();
		ccgs.forEach(row -> areaTeamOfCcg.put(row.orgCode(), row.parentCode()));
		raised.addAll(AlertRules.evaluate(indicator, OutcomesLevel.CCG, previous,
				byOrg(values(indicator, OutcomesLevel.CCG, previous, structure)), latest, ccgs, areaTeamOfCcg));
		if (indicator.level() == OutcomesLevel.PRACTICE) {
			raised.addAll(AlertRules.evaluate(indicator, OutcomesLevel.PRACTICE, previous,
					byOrg(values(indicator, OutcomesLevel.PRACTICE, previous, structure)), latest,
					values(indicator, OutcomesLevel.PRACTICE, latest, structure), areaTeamOfCcg));
		}
		return raised;
	}

	private List<ValueRow> values(Indicator indicator, OutcomesLevel level, String period, Structure structure) {
		return structure == null ? values.values(indicator.id(), level, period, null)
				: values.values(indicator.id(), level, period, null, structure);
	}

	private static Map<String, ValueRow> byOrg(List<ValueRow> rows) {
		return rows.stream().collect(Collectors.toMap(ValueRow::orgCode, Function.identity()));
	}
}
