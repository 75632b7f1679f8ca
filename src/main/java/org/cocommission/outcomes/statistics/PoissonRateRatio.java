package org.cocommission.outcomes.statistics;

/**
 * Whether two crude rates differ: the ratio of two Poisson rates tested conditionally on the total count. Given N = O1
 * + O2 events, the later count is binomial with share pi0 = D2 / (D1 + D2) when the rates are equal, so z = (O2 - N
 * pi0) / sqrt(N pi0 (1 - pi0)); |z| above the normal quantile is exactly the Wilson score interval of O2/N excluding
 * pi0, i.e. the rate ratio's interval excluding 1. Source: Graham, Mengersen and Morton, Confidence limits for the
 * ratio of two rates based on likelihood scores, Statistics in Medicine 2003;22:2071-83.
 */
final class PoissonRateRatio {

	private PoissonRateRatio() {
	}

	/** z of the later rate O2/D2 against the earlier O1/D1; positive when it rose; null when not testable. */
	static Double z(double earlierCount, double earlierDenominator, double laterCount, double laterDenominator) {
		double total = earlierCount + laterCount;
		if (earlierDenominator <= 0 || laterDenominator <= 0 || total <= 0) {
			return null;
		}
		double share = laterDenominator / (earlierDenominator + laterDenominator);
		return (laterCount - total * share) / Math.sqrt(total * share * (1 - share));
	}
}
