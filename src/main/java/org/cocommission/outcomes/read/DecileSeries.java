package org.cocommission.outcomes.read;

import java.util.List;

import org.cocommission.outcomes.OutcomesLevel;

/** The deciles of one level per period, oldest first, and one organisation's values on the same periods. */
public record DecileSeries(String indicatorId, OutcomesLevel level, List<String> periods, List<double[]> cuts,
		String orgCode, List<Double> orgValues, List<Double> englandValues) {
}
