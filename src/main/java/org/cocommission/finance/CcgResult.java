package org.cocommission.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.cocommission.platform.Money;

/** One CCG's line of a run; distance, growth and per-head figures are derived from the stored amounts. */
public record CcgResult(String ccgCode, String ccgName, long rawPopulation, BigDecimal weightedPopulation,
		BigDecimal targetShare, Money target, Money baseline, Money allocation) {

	public Money distance() {
		return DistanceFromTarget.amount(allocation, target);
	}

	public BigDecimal distancePercent() {
		return DistanceFromTarget.percent(allocation, target);
	}

	/** Distance from target of last year's allocation against this year's target, as the "before" of a change. */
	public BigDecimal baselineDistancePercent() {
		return DistanceFromTarget.percent(baseline, target);
	}

	public BigDecimal growthPercent() {
		return allocation.minus(baseline).pounds().multiply(BigDecimal.valueOf(100))
			.divide(baseline.pounds(), 2, RoundingMode.HALF_UP);
	}

	public Money perHead() {
		return new Money(allocation.pounds().divide(BigDecimal.valueOf(Math.max(1, rawPopulation)), 2, RoundingMode.HALF_UP));
	}

	public Money targetPerHead() {
		return new Money(target.pounds().divide(BigDecimal.valueOf(Math.max(1, rawPopulation)), 2, RoundingMode.HALF_UP));
	}

	public BigDecimal targetSharePercent() {
		return targetShare.multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP);
	}
}
