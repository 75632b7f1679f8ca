package org.cocommission.outcomes.statistics;

/**
 * Wilson score interval for a proportion O/n, as a fraction. Source: docs/domain-rules.md#outcomes (Newcombe 1998,
 * method 3; PHE Fingertips): (2O + z^2 -/+ z*sqrt(z^2 + 4*O*(1 - p))) / (2*(n + z^2)).
 */
public final class WilsonScore {

	private WilsonScore() {
	}

	public static Interval interval(double observed, double denominator, ConfidenceLevel level) {
		if (denominator <= 0 || observed < 0 || observed > denominator) {
			return Interval.NONE;
		}
		double z = level.z();
		double p = observed / denominator;
		double root = z * Math.sqrt(z * z + 4 * observed * (1 - p));
		double scale = 2 * (denominator + z * z);
		double lower = Math.max(0, (2 * observed + z * z - root) / scale);
		double upper = Math.min(1, (2 * observed + z * z + root) / scale);
		return new Interval(lower, upper);
	}
}
