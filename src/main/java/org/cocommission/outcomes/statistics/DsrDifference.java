package org.cocommission.outcomes.statistics;

/**
 * Whether two directly standardised rates differ: z = (DSR2 - DSR1) / sqrt(SE1^2 + SE2^2), each standard error taken
 * from its 95% Dobson limits (which carry the Byar-based variance of the rate) as (upper - lower) / (2 * 1.959964).
 * Source: Altman and Bland, Interaction revisited: the difference between two estimates, BMJ 2003;326:219 (the standard
 * error of each estimate from its 95% interval, the difference over the root of their summed variances).
 */
final class DsrDifference {

	private DsrDifference() {
	}

	/** z of the later rate against the earlier; positive when it rose; null when either has no complete interval. */
	static Double z(Double earlierRate, Interval earlier95, Double laterRate, Interval later95) {
		if (earlierRate == null || laterRate == null || earlier95 == null || later95 == null || !earlier95.complete()
				|| !later95.complete()) {
			return null;
		}
		double earlierError = standardError(earlier95);
		double laterError = standardError(later95);
		double spread = Math.sqrt(earlierError * earlierError + laterError * laterError);
		return spread <= 0 ? null : (laterRate - earlierRate) / spread;
	}

	static double standardError(Interval limits95) {
		return (limits95.upper() - limits95.lower()) / (2 * ConfidenceLevel.NINETY_FIVE.z());
	}
}
