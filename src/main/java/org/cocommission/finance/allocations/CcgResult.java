package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.cocommission.platform.Money;

/**
 * One CCG's line of a run; distance, growth and per-head figures are derived from the stored amounts.
 * {@code aged65Plus} is the registered patients aged 65 and over, used to choose peer CCGs.
 */
public record CcgResult(String ccgCode, String ccgName, long rawPopulation, BigDecimal weightedPopulation,
		BigDecimal targetShare, Money target, Money baseline, Money allocation, long aged65Plus) {

	/** Weighted population per registered patient: 1 is the England average need. */
	public BigDecimal needIndex() {
		return weightedPopulation.divide(BigDecimal.valueOf(Math.max(1, rawPopulation)), 4, RoundingMode.HALF_UP);
	}

	/** Share of registered patients aged 65 and over, in per cent. */
	public BigDecimal percentAged65Plus() {
		return BigDecimal.valueOf(aged65Plus * 100).divide(BigDecimal.valueOf(Math.max(1, rawPopulation)), 2,
				RoundingMode.HALF_UP);
	}

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
