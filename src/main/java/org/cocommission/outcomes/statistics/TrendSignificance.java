package org.cocommission.outcomes.statistics;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.ValueRow;

/**
 * Whether an organisation's change between two periods is statistically significant, by the test that fits the
 * indicator's type (proportions: {@link TwoProportionsZ}; crude rates: {@link PoissonRateRatio}; standardised
 * rates: {@link DsrDifference}), at 95% (z = 1.959964) and 99.8% (z = 3.090232), with its direction by polarity.
 * Source: docs/domain-rules.md#outcomes (comparison "higher or lower, turned into better or worse by polarity").
 */
public final class TrendSignificance {

	private TrendSignificance() {
	}

	/** The trend of one organisation from {@code earlier} to {@code later}; either may be null (no value). */
	public static Trend between(Indicator indicator, String fromPeriod, ValueRow earlier, String toPeriod,
			ValueRow later) {
		Double z = earlier == null || later == null || earlier.value() == null || later.value() == null ? null
				: z(indicator, earlier, later);
		String orgCode = later != null ? later.orgCode() : earlier != null ? earlier.orgCode() : null;
		Double fromValue = earlier == null ? null : earlier.value();
		Double toValue = later == null ? null : later.value();
		if (z == null) {
			return new Trend(indicator.id(), orgCode, fromPeriod, toPeriod, fromValue, toValue, null, false, false,
					TrendDirection.NOT_TESTED);
		}
		boolean at95 = Math.abs(z) > ConfidenceLevel.NINETY_FIVE.z();
		boolean at998 = Math.abs(z) > ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z();
		return new Trend(indicator.id(), orgCode, fromPeriod, toPeriod, fromValue, toValue, z, at95, at998,
				direction(indicator.polarity(), z, at95));
	}

	static Double z(Indicator indicator, ValueRow earlier, ValueRow later) {
		return switch (indicator.type()) {
			case PROPORTION -> TwoProportionsZ.z(earlier.numerator(), earlier.denominator(), later.numerator(),
					later.denominator());
			case CRUDE_RATE -> PoissonRateRatio.z(earlier.numerator(), earlier.denominator(), later.numerator(),
					later.denominator());
			case DSR -> DsrDifference.z(earlier.value(), interval95(earlier), later.value(), interval95(later));
		};
	}

	static TrendDirection direction(Polarity polarity, double z, boolean significant) {
		if (!significant) {
			return TrendDirection.NO_SIGNIFICANT_CHANGE;
		}
		boolean rose = z > 0;
		return switch (polarity) {
			case HIGH_IS_GOOD -> rose ? TrendDirection.IMPROVING : TrendDirection.WORSENING;
			case LOW_IS_GOOD -> rose ? TrendDirection.WORSENING : TrendDirection.IMPROVING;
			case NO_JUDGEMENT -> rose ? TrendDirection.HIGHER : TrendDirection.LOWER;
		};
	}

	private static Interval interval95(ValueRow row) {
		return row.lower95() == null || row.upper95() == null ? Interval.NONE : new Interval(row.lower95(), row.upper95());
	}
}
