package org.cocommission.outcomes.compute;

import java.util.List;

import org.cocommission.outcomes.statistics.DobsonMethod;
import org.cocommission.outcomes.Indicator;

/**
 * An indicator's value without its intervals, equal to {@link IndicatorValue#of}'s value (NaN where that is null):
 * the deciles across practices need only the values, and computing every interval of millions of practices to sort
 * their values would cost most of a national recompute.
 */
final class PointValue {

	private PointValue() {
	}

	static double of(Indicator indicator, double numerator, double denominator) {
		if (denominator <= 0) {
			return Double.NaN;
		}
		return switch (indicator.method()) {
			case WILSON -> numerator / denominator * 100;
			case BYAR -> numerator / denominator * indicator.multiplier();
			case DOBSON -> {
				long events = Math.round(numerator);
				if (events < DobsonMethod.SUPPRESS_BELOW) {
					yield Double.NaN;
				}
				Double rate = DobsonMethod.rate(List.of(new DobsonMethod.Band(events, denominator, denominator)),
						indicator.multiplier());
				yield rate == null ? Double.NaN : rate;
			}
		};
	}
}
