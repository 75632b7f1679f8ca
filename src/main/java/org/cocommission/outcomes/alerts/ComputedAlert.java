package org.cocommission.outcomes.alerts;

import java.time.LocalDate;

import org.cocommission.outcomes.OutcomesLevel;

/**
 * An alert the rule ({@link AlertRules}, the same thresholds) finds on the values re-mapped onto the organisations of
 * another date (docs/domain-rules.md#outcomes, "Alerts in a chosen structure"): computed when read and never stored,
 * so it has no id and nobody acknowledges or withdraws it. {@code structure} is the date whose organisations it was
 * computed for; {@code ccgCode} and {@code areaTeamCode} are of that structure.
 */
public record ComputedAlert(String indicatorId, String indicatorName, OutcomesLevel level, String orgCode,
		String orgName, String ccgCode, String areaTeamCode, AlertReason reason, String previousPeriod, String period,
		Double previousValue, Double value, Integer previousDecile, Integer decile, Double z, LocalDate structure) {
}
