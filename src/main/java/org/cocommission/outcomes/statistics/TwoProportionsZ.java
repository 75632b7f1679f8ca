package org.cocommission.outcomes.statistics;

/**
 * Whether two proportions differ: the z test with the pooled proportion, z = (p2 - p1) / sqrt(p(1-p)(1/n1 + 1/n2)),
 * p = (O1 + O2) / (n1 + n2); z squared is Pearson's chi-squared on the 2x2 table. Source: Altman, Practical Statistics
 * for Medical Research (1991), comparison of two proportions. Chosen over the overlap of two Wilson intervals, which
 * misses real differences, and over Newcombe's difference interval because, like Wilson's interval, it is a score test.
 */
final class TwoProportionsZ {

	private TwoProportionsZ() {
	}

	/** z of the later proportion O2/n2 against the earlier O1/n1; positive when it rose; null when not testable. */
	static Double z(double earlierObserved, double earlierDenominator, double laterObserved, double laterDenominator) {
		if (earlierDenominator <= 0 || laterDenominator <= 0) {
			return null;
		}
		double pooled = (earlierObserved + laterObserved) / (earlierDenominator + laterDenominator);
		double variance = pooled * (1 - pooled) * (1 / earlierDenominator + 1 / laterDenominator);
		double difference = laterObserved / laterDenominator - earlierObserved / earlierDenominator;
		if (variance <= 0) {
			// Both all or both none: nothing changed.
			return 0.0;
		}
		return difference / Math.sqrt(variance);
	}
}
