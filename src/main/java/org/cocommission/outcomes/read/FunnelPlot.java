package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.List;

import org.cocommission.outcomes.statistics.ConfidenceLevel;
import org.cocommission.outcomes.statistics.FunnelLimits;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.statistics.Interval;
import org.cocommission.outcomes.ValueRow;

/**
 * A funnel plot of one level: each organisation's value against its denominator, with 95% and 99.8% control limits
 * around England's value drawn across the range of denominators, and each point's outcome against them.
 */
public record FunnelPlot(Double benchmark, List<Point> points, List<Limit> limits) {

	/** One organisation's point, with its own 95% interval (null where it cannot be computed) for the tooltip. */
	public record Point(String orgCode, String orgName, double denominator, double value, String outcome, Double lower95,
			Double upper95) {
	}

	public record Limit(double denominator, Double lower95, Double upper95, Double lower998, Double upper998) {
	}

	private static final int STEPS = 40;

	static FunnelPlot of(Indicator indicator, Double england, List<ValueRow> rows) {
		// A register above the list has no place against control limits (docs/domain-rules.md#outcomes).
		List<ValueRow> plotted = rows.stream()
			.filter(row -> row.value() != null && row.denominator() > 0 && !row.aboveDenominator())
			.toList();
		if (england == null || plotted.isEmpty()) {
			return new FunnelPlot(england, List.of(), List.of());
		}
		List<Point> points = new ArrayList<>();
		for (ValueRow row : plotted) {
			points.add(new Point(row.orgCode(), row.orgName(), row.denominator(), row.value(), FunnelLimits.outcome(
					row.value(), limits(indicator, england, row.denominator(), ConfidenceLevel.NINETY_FIVE),
					limits(indicator, england, row.denominator(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT)), row.lower95(),
					row.upper95()));
		}
		double min = plotted.stream().mapToDouble(ValueRow::denominator).min().orElse(1);
		double max = plotted.stream().mapToDouble(ValueRow::denominator).max().orElse(1);
		List<Limit> limits = new ArrayList<>();
		for (int step = 0; step <= STEPS; step++) {
			double n = Math.exp(Math.log(Math.max(1, min)) + (Math.log(max) - Math.log(Math.max(1, min))) * step / STEPS);
			Interval at95 = limits(indicator, england, n, ConfidenceLevel.NINETY_FIVE);
			Interval at998 = limits(indicator, england, n, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
			limits.add(new Limit(n, at95.lower(), at95.upper(), at998.lower(), at998.upper()));
		}
		return new FunnelPlot(england, points, limits);
	}

	/** Limits in the indicator's unit: proportions around England's fraction; rates by Poisson limits. */
	private static Interval limits(Indicator indicator, double england, double n, ConfidenceLevel level) {
		if (indicator.type() == IndicatorType.PROPORTION) {
			return FunnelLimits.proportion(england / 100, n, level).times(100);
		}
		return FunnelLimits.rate(england, n, indicator.multiplier(), level);
	}
}
