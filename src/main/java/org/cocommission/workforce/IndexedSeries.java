package org.cocommission.workforce;

import java.math.BigDecimal;
import java.util.List;

/**
 * A national staff group's FTE by year indexed to {@code baseYear} = 100, the first year every compared group has.
 *
 * @param growthPercent the change from the base year to the last year, in per cent
 */
public record IndexedSeries(String staffGroup, int baseYear, BigDecimal growthPercent, List<Point> points) {

	public IndexedSeries {
		points = List.copyOf(points);
	}

	public record Point(int year, BigDecimal fte, BigDecimal index) {
	}
}
