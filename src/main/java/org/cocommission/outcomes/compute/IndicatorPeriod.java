package org.cocommission.outcomes.compute;

/** One indicator in one period: the unit of recomputation. */
public record IndicatorPeriod(String indicatorId, String period) {
}
