package org.cocommission.outcomes;

/** One indicator in one period: the unit of recomputation. */
record IndicatorPeriod(String indicatorId, String period) {
}
