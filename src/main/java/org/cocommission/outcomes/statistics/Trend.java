package org.cocommission.outcomes.statistics;

/**
 * The change of one organisation's value of an indicator from one period to a later one: the test statistic z
 * (positive when the value rose), whether the change is significant at 95% and at 99.8%, and its direction.
 */
public record Trend(String indicatorId, String orgCode, String fromPeriod, String toPeriod, Double fromValue,
		Double toValue, Double z, boolean significant95, boolean significant998, TrendDirection direction) {

	public Trend {
		if (direction == null || fromPeriod == null || toPeriod == null) {
			throw new IllegalArgumentException("A trend needs two periods and a direction");
		}
		if (z == null && direction != TrendDirection.NOT_TESTED) {
			throw new IllegalArgumentException("Only an untested trend has no test statistic");
		}
	}
}
