package org.cocommission.outcomes.statistics;

/**
 * Exact Poisson confidence limits of a count: lower = chi2_quantile((1-conf)/2, 2x) / 2, upper =
 * chi2_quantile(conf + (1-conf)/2, 2x + 2) / 2 (docs/domain-rules.md#outcomes). The chi-squared quantile of even
 * degrees of freedom is found through its identity with the Poisson distribution function, solved by bisection.
 */
final class ExactPoisson {

	private ExactPoisson() {
	}

	static Interval countLimits(long observed, ConfidenceLevel level) {
		double tail = (1 - level.confidence()) / 2;
		// The lower limit L solves P(X >= x | L) = tail; the upper U solves P(X <= x | U) = tail.
		double lower = observed == 0 ? 0 : solve(mean -> 1 - cumulative(observed - 1, mean), tail, observed);
		double upper = solve(mean -> 1 - cumulative(observed, mean), 1 - tail, observed);
		return new Interval(lower, upper);
	}

	/** The mean at which {@code increasing} (a function rising with the mean) reaches {@code target}. */
	private static double solve(java.util.function.DoubleUnaryOperator increasing, double target, long observed) {
		double low = 0;
		double high = Math.max(10, observed * 4.0 + 20);
		for (int step = 0; step < 200; step++) {
			double middle = (low + high) / 2;
			if (increasing.applyAsDouble(middle) < target) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return (low + high) / 2;
	}

	/** P(X <= k) for a Poisson variable of the given mean. */
	static double cumulative(long k, double mean) {
		double term = Math.exp(-mean);
		double sum = term;
		for (long i = 1; i <= k; i++) {
			term *= mean / i;
			sum += term;
		}
		return Math.min(1, sum);
	}
}
