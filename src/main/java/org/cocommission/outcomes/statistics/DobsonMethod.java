package org.cocommission.outcomes.statistics;

import java.util.List;

/**
 * Directly standardised rate with Dobson's confidence limits. Per age band i with events x_i, population n_i and
 * standard population s_i: DSR = sum(x_i*s_i/n_i) / sum(s_i) * multiplier; var = sum(x_i*(s_i/n_i)^2) / (sum s_i)^2;
 * limit = DSR + sqrt(var/O) * (Byar_limit(O) - O) * multiplier, with O = sum x_i; suppressed when O &lt; 10.
 * Source: docs/domain-rules.md#outcomes (Dobson et al. 1991, as PHE Fingertips applies it).
 */
public final class DobsonMethod {

	public static final int SUPPRESS_BELOW = 10;

	/** One age band: events, the area's population and the standard population. */
	public record Band(long events, double population, double standard) {

		public Band {
			if (events < 0 || population <= 0 || standard < 0) {
				throw new IllegalArgumentException("A band needs events >= 0, population > 0 and standard >= 0");
			}
		}
	}

	/** The rate and its limits; all null when suppressed. */
	public record Result(Double rate, Interval interval) {
	}

	private DobsonMethod() {
	}

	public static Double rate(List<Band> bands, double multiplier) {
		double weighted = 0;
		double standard = 0;
		for (Band band : bands) {
			weighted += band.events() * band.standard() / band.population();
			standard += band.standard();
		}
		return standard == 0 ? null : weighted / standard * multiplier;
	}

	public static Result standardise(List<Band> bands, double multiplier, ConfidenceLevel level) {
		long observed = bands.stream().mapToLong(Band::events).sum();
		Double rate = rate(bands, multiplier);
		if (observed < SUPPRESS_BELOW || rate == null) {
			return new Result(null, Interval.NONE);
		}
		double standard = bands.stream().mapToDouble(Band::standard).sum();
		double variance = 0;
		for (Band band : bands) {
			double weight = band.standard() / band.population();
			variance += band.events() * weight * weight;
		}
		variance /= standard * standard;
		double spread = Math.sqrt(variance / observed);
		Interval counts = ByarsMethod.countLimits(observed, level);
		Double lower = counts.lower() == null ? null : rate + spread * (counts.lower() - observed) * multiplier;
		Double upper = rate + spread * (counts.upper() - observed) * multiplier;
		return new Result(rate, new Interval(lower, upper));
	}
}
