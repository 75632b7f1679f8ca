package org.cocommission.workforce.planning;

import java.math.BigDecimal;
import java.util.List;

import org.cocommission.workforce.WorkforceMeasure;

/**
 * A CCG's gap against its target for a staff ratio (docs/domain-rules.md#workforce, "Planning").
 *
 * @param target FTE per 10,000 (weighted) patients; null while the CCG has set none
 * @param practices each practice of the CCG in the month
 * @param total the CCG: its practices with figures added
 * @param overTime the CCG's total month by month, against today's target
 */
public record WorkforcePlan(String ccgCode, String ccgName, WorkforceMeasure measure, BigDecimal target, String month,
		List<Gap> practices, Gap total, List<Gap> overTime) {

	/**
	 * One practice, the CCG, or the CCG in a month.
	 *
	 * @param fte staff FTE now (the measure's numerator); null when withheld
	 * @param patients registered or weighted patients (its denominator)
	 * @param targetFte the FTE the target asks for: target × patients ÷ 10,000
	 * @param gapFte targetFte − fte: FTE short of the target (negative: above it)
	 */
	public record Gap(String orgCode, String orgName, String month, BigDecimal fte, BigDecimal patients,
			BigDecimal value, BigDecimal targetFte, BigDecimal gapFte, boolean withheld) {
	}
}
