package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.cocommission.platform.Money;

/**
 * Distance from target = (allocation - target) / target, negative when a CCG is under target. Source: NHS England,
 * CCG allocations 2013/14 annex (docs/domain-rules.md#finance).
 */
public final class DistanceFromTarget {

	private DistanceFromTarget() {
	}

	/** The distance as a percentage to two decimal places, e.g. -7.58. */
	public static BigDecimal percent(Money allocation, Money target) {
		if (target.signum() <= 0) {
			throw new IllegalArgumentException("A distance from target needs a positive target");
		}
		return allocation.minus(target).pounds().multiply(BigDecimal.valueOf(100))
			.divide(target.pounds(), 2, RoundingMode.HALF_UP);
	}

	public static Money amount(Money allocation, Money target) {
		return allocation.minus(target);
	}
}
