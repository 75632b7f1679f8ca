package org.cocommission.outcomes.statistics;

/**
 * An organisation's recent trend on a proportion: the chi-squared statistic for trend over its last five periods
 * ({@link ChiSquaredTrend}), whether it is significant, and its direction by the indicator's polarity. Not tested
 * (statistic null) for other types of indicator or without five values.
 */
public record RecentTrend(String indicatorId, String orgCode, String fromPeriod, String toPeriod, int points,
		Double chiSquared, boolean significant, TrendDirection direction) {
}
