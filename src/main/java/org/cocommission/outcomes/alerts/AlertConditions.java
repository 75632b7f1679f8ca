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
		List<AlertRules.Raised> raised = new ArrayList<>();
		if (indicator.polarity() == Polarity.NO_JUDGEMENT) {
			return raised;
		}
		List<ValueRow> ccgs = values.values(indicator.id(), OutcomesLevel.CCG, latest, null);
		Map<String, String> areaTeamOfCcg = new HashMap<>();
		ccgs.forEach(row -> areaTeamOfCcg.put(row.orgCode(), row.parentCode()));
		raised.addAll(AlertRules.evaluate(indicator, OutcomesLevel.CCG, previous,
				byOrg(values.values(indicator.id(), OutcomesLevel.CCG, previous, null)), latest, ccgs, areaTeamOfCcg));
		if (indicator.level() == OutcomesLevel.PRACTICE) {
			raised.addAll(AlertRules.evaluate(indicator, OutcomesLevel.PRACTICE, previous,
					byOrg(values.values(indicator.id(), OutcomesLevel.PRACTICE, previous, null)), latest,
					values.values(indicator.id(), OutcomesLevel.PRACTICE, latest, null), areaTeamOfCcg));
		}
		return raised;
	}

	private static Map<String, ValueRow> byOrg(List<ValueRow> rows) {
		return rows.stream().collect(Collectors.toMap(ValueRow::orgCode, Function.identity()));
	}
}
