package org.cocommission.outcomes.statistics;

/**
 * Funnel-plot control limits around a benchmark for a denominator N. Proportions (docs/domain-rules.md#outcomes):
 * with the average p, F = p*(N/z^2 + 1); A = sqrt(64F^2 - 64*(1/z^2 + 1/N)*p*(N*(p*(N/z^2 + 2) - 1) + z^2*(p - 1)));
 * limits = ((F -/+ A/8) / (1/z^2 + 1/N)) / N. Rates: exact Poisson (Byar from 10) limits of the expected count.
 */
public final class FunnelLimits {

	private FunnelLimits() {
	}

	/** Limits of a proportion, as fractions, for a denominator N around the average proportion p. */
	public static Interval proportion(double p, double n, ConfidenceLevel level) {
		if (n <= 0 || p < 0 || p > 1) {
			return Interval.NONE;
		}
		double z = level.z();
		double f = p * (n / (z * z) + 1);
		double c = 1 / (z * z) + 1 / n;
		double a = Math.sqrt(Math.max(0, 64 * f * f - 64 * c * p * (n * (p * (n / (z * z) + 2) - 1) + z * z * (p - 1))));
		double lower = ((f - a / 8) / c) / n;
		double upper = ((f + a / 8) / c) / n;
		return new Interval(Math.max(0, lower), Math.min(1, upper));
	}

	/** Limits of a rate per {@code multiplier} for a population N around the average rate (per multiplier). */
	public static Interval rate(double rate, double n, double multiplier, ConfidenceLevel level) {
		if (n <= 0 || rate < 0) {
			return Interval.NONE;
		}
		long expected = Math.round(rate * n / multiplier);
		Interval counts = ByarsMethod.countLimits(expected, level);
		return new Interval(counts.lower() == null ? 0.0 : counts.lower(), counts.upper()).times(multiplier / n);
	}

	/** Outcome of a point: high or low at 99.8%, else at 95%, else not significant. */
	public static String outcome(double value, Interval limits95, Interval limits998) {
		if (limits998.complete() && (value > limits998.upper() || value < limits998.lower())) {
			return value > limits998.upper() ? "High (99.8%)" : "Low (99.8%)";
		}
		if (limits95.complete() && (value > limits95.upper() || value < limits95.lower())) {
			return value > limits95.upper() ? "High (95%)" : "Low (95%)";
		}
		return "Not significant";
	}
}
