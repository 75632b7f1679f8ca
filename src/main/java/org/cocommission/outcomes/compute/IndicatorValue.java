package org.cocommission.outcomes.compute;

import org.cocommission.outcomes.statistics.ByarsMethod;
import org.cocommission.outcomes.statistics.ConfidenceLevel;
import org.cocommission.outcomes.statistics.DobsonMethod;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.statistics.Interval;
import org.cocommission.outcomes.statistics.WilsonScore;

/**
 * One computed value with its 95% and 99.8% intervals, in the indicator's unit (percent for proportions). Null where
 * it cannot be computed: no denominator, or a standardised rate suppressed below 10 events.
 */
public record IndicatorValue(Double value, Interval ci95, Interval ci998) {

	static final IndicatorValue NONE = new IndicatorValue(null, Interval.NONE, Interval.NONE);

	/**
	 * The value of {@code numerator} over {@code denominator} by the indicator's method. Standardised rates arrive as
	 * totals (the long file has no age bands), so Dobson's method runs on one stratum, where it equals Byar's limits
	 * scaled to the rate.
	 */
	public static IndicatorValue of(Indicator indicator, double numerator, double denominator) {
		if (denominator <= 0) {
			return NONE;
		}
		return switch (indicator.method()) {
			case WILSON -> new IndicatorValue(numerator / denominator * 100,
					WilsonScore.interval(numerator, denominator, ConfidenceLevel.NINETY_FIVE).times(100),
					WilsonScore.interval(numerator, denominator, ConfidenceLevel.NINETY_NINE_POINT_EIGHT).times(100));
			case BYAR -> new IndicatorValue(numerator / denominator * indicator.multiplier(),
					ByarsMethod.rateLimits(Math.round(numerator), denominator, indicator.multiplier(), ConfidenceLevel.NINETY_FIVE),
					ByarsMethod.rateLimits(Math.round(numerator), denominator, indicator.multiplier(),
							ConfidenceLevel.NINETY_NINE_POINT_EIGHT));
			case DOBSON -> dobson(indicator, numerator, denominator);
		};
	}

	/**
	 * A directly standardised rate by Dobson's method over strata (age band and sex): events, population and standard
	 * population per stratum; strata with no population are left out. docs/domain-rules.md#outcomes.
	 */
	public static IndicatorValue standardised(Indicator indicator, double[] events, double[] population,
			double[] standard) {
		var bands = new java.util.ArrayList<DobsonMethod.Band>(events.length);
		for (int i = 0; i < events.length; i++) {
			if (population[i] > 0) {
				bands.add(new DobsonMethod.Band(Math.round(events[i]), population[i], standard[i]));
			}
		}
		if (bands.isEmpty()) {
			return NONE;
		}
		var at95 = DobsonMethod.standardise(bands, indicator.multiplier(), ConfidenceLevel.NINETY_FIVE);
		if (at95.rate() == null) {
			return NONE;
		}
		var at998 = DobsonMethod.standardise(bands, indicator.multiplier(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
		return new IndicatorValue(at95.rate(), at95.interval(), at998.interval());
	}

	private static IndicatorValue dobson(Indicator indicator, double numerator, double denominator) {
		var band = java.util.List.of(new DobsonMethod.Band(Math.round(numerator), denominator, denominator));
		var at95 = DobsonMethod.standardise(band, indicator.multiplier(), ConfidenceLevel.NINETY_FIVE);
		if (at95.rate() == null) {
			return NONE;
		}
		var at998 = DobsonMethod.standardise(band, indicator.multiplier(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
		return new IndicatorValue(at95.rate(), at95.interval(), at998.interval());
	}
}
