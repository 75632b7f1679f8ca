package org.cocommission.finance;

import java.math.BigDecimal;

/**
 * How fast CCGs move toward target (NHS England allocations, pace of change; docs/domain-rules.md#finance), as
 * fractions: every CCG gets at least {@code minimumGrowth} and at most {@code maximumGrowth}; a CCG under target closes
 * {@code gapClosure} of the gap between its minimum-growth allocation and its target; a CCG over target gets the
 * greater of the minimum growth and {@code overTargetFloor}. Money left over (or short) after that is shared among
 * under-target CCGs as a common growth rate within their bounds, then, if they are all at a bound, over-target ones.
 */
public record PaceOfChange(BigDecimal minimumGrowth, BigDecimal maximumGrowth, BigDecimal gapClosure,
		BigDecimal overTargetFloor) {

	public PaceOfChange {
		if (minimumGrowth == null || maximumGrowth == null || gapClosure == null || overTargetFloor == null) {
			throw new IllegalArgumentException("Pace of change needs minimum growth, maximum growth, the share of the gap"
					+ " closed and the floor for over-target CCGs");
		}
		if (minimumGrowth.compareTo(BigDecimal.ONE.negate()) <= 0) {
			throw new IllegalArgumentException("Minimum growth must be more than -100%");
		}
		if (maximumGrowth.compareTo(minimumGrowth) < 0) {
			throw new IllegalArgumentException("Maximum growth cannot be less than minimum growth");
		}
		if (gapClosure.signum() < 0 || gapClosure.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("The share of the gap closed must be between 0% and 100%");
		}
		if (overTargetFloor.compareTo(maximumGrowth) > 0) {
			throw new IllegalArgumentException("The floor for over-target CCGs cannot be more than maximum growth");
		}
		if (overTargetFloor.compareTo(BigDecimal.ONE.negate()) <= 0) {
			throw new IllegalArgumentException("The floor for over-target CCGs must be more than -100%");
		}
	}

	/** For pages: {@code min 2.14%, max 6%, gap closed 50%, over-target 2.14%}. */
	public String summary() {
		return "min " + percent(minimumGrowth) + "%, max " + percent(maximumGrowth) + "%, gap closed "
				+ percent(gapClosure) + "%, over-target " + percent(overTargetFloor) + "%";
	}

	private static String percent(BigDecimal fraction) {
		return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
	}

	public BigDecimal overTargetGrowth() {
		return overTargetFloor.max(minimumGrowth);
	}
}
