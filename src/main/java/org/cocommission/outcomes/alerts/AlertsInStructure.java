package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.read.OutcomesReadCache;
import org.cocommission.platform.PageOf;

import org.springframework.stereotype.Component;

/**
 * The alerts of a chosen structure (docs/domain-rules.md#outcomes, "Alerts in a chosen structure"): the rule that
 * raises the stored alerts, applied on read to each indicator's latest two periods of the values re-mapped onto the
 * organisations of a date. Computed once per date and kept in the read cache until the values or the directory change,
 * like every other re-mapped read; then each user's scope and filter are applied in memory.
 */
@Component
class AlertsInStructure {

	private final Indicators indicators;

	private final OutcomesValues values;

	private final AlertConditions conditions;

	private final OutcomesReadCache cache;

	AlertsInStructure(Indicators indicators, OutcomesValues values, AlertConditions conditions,
			OutcomesReadCache cache) {
		this.indicators = indicators;
		this.values = values;
		this.conditions = conditions;
		this.cache = cache;
	}

	/** One page of the alerts in the user's scope under the filter. */
	PageOf<ComputedAlert> page(AlertStore.Scope scope, AlertFilter filter, Structure structure, int page, int size) {
		return PageOf.of(all(scope, filter, structure), page, size);
	}

	/**
	 * Every alert in the user's scope under the filter. None is acknowledged or withdrawn: asked only for those, the
	 * list is empty.
	 */
	List<ComputedAlert> all(AlertStore.Scope scope, AlertFilter filter, Structure structure) {
		if (filter.withdrawn() || Boolean.TRUE.equals(filter.acknowledged())) {
			return List.of();
		}
		Comparator<ComputedAlert> order = switch (filter.sort()) {
			case "organisation" -> Comparator.comparing(ComputedAlert::orgName);
			case "reason" -> Comparator.comparing(ComputedAlert::reason);
			case "period" -> Comparator.comparing(ComputedAlert::period);
			default -> Comparator.comparing(ComputedAlert::indicatorName);
		};
		if (filter.descending() && !filter.sort().equals("raised")) {
			order = order.reversed();
		}
		return computed(structure).stream()
			.filter(alert -> scope.includes(alert.orgCode(), alert.ccgCode(), alert.areaTeamCode()))
			.filter(alert -> filter.reason() == null || filter.reason() == alert.reason())
			.filter(alert -> filter.indicatorId() == null || filter.indicatorId().equals(alert.indicatorId()))
			.filter(alert -> filter.level() == null || filter.level() == alert.level())
			.sorted(order.thenComparing(ComputedAlert::orgCode).thenComparing(ComputedAlert::reason))
			.toList();
	}

	/** Every alert of the structure, before any scope or filter: once per date and read generation. */
	private List<ComputedAlert> computed(Structure structure) {
		return cache.get("alertsInStructure", List.of(structure.date()), () -> {
			List<ComputedAlert> all = new ArrayList<>();
			for (Indicator indicator : indicators.all()) {
				if (indicator.polarity() == Polarity.NO_JUDGEMENT) {
					continue;
				}
				List<String> periods = values.periods(indicator.id());
				if (periods.size() < 2) {
					continue;
				}
				String latest = periods.get(periods.size() - 1);
				String previous = periods.get(periods.size() - 2);
				for (AlertRules.Raised raised : conditions.evaluate(indicator, previous, latest, structure)) {
					all.add(new ComputedAlert(raised.indicatorId(), indicator.name(), raised.level(), raised.orgCode(),
							raised.orgName(), raised.ccgCode(), raised.areaTeamCode(), raised.reason(),
							raised.previousPeriod(), raised.period(), raised.previousValue(), raised.value(),
							raised.previousDecile(), raised.decile(), raised.z(), structure.date()));
				}
			}
			return List.copyOf(all);
		});
	}
}
