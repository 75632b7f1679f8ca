package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The statistics of the provider comparison (docs/domain-rules.md#commissioning-support, "Reviews of providers"): the
 * mean of the responding CCGs' scores with its 95% confidence interval from Student's t, and the share satisfied with
 * its 95% Wilson score interval.
 */
public final class ReviewStatistics {

	/** Fewer responding CCGs than this and a provider's figures for a service are not shown. */
	public static final int MINIMUM_CCGS = 5;

	private static final double Z_95 = 1.959963984540054;

	/** Student's t, two-sided 95% (the 97.5th percentile), for 1 to 30 degrees of freedom. */
	private static final double[] T_975 = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
			2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
			2.056, 2.052, 2.048, 2.045, 2.042 };

	private ReviewStatistics() {
	}

	/** A figure with its 95% interval, each rounded for showing. */
	public record Estimate(BigDecimal value, BigDecimal lower, BigDecimal upper) {
	}

	/**
	 * The 97.5th percentile of Student's t: from the table up to 30 degrees of freedom, above it the Cornish-Fisher
	 * expansion about the normal (within 0.001 of the exact value there).
	 */
	static double t975(int degreesOfFreedom) {
		if (degreesOfFreedom < 1) {
			throw new IllegalArgumentException("Student's t needs at least one degree of freedom");
		}
		if (degreesOfFreedom <= T_975.length) {
			return T_975[degreesOfFreedom - 1];
		}
		double z = Z_95;
		double n = degreesOfFreedom;
		return z + (z * z * z + z) / (4 * n) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
	}

	/** The mean of the scores and its 95% interval, mean ± t × s ÷ √n, to two decimals; null for fewer than two. */
	public static Estimate mean(List<Double> scores) {
		int n = scores.size();
		if (n < 2) {
			return null;
		}
		double mean = scores.stream().mapToDouble(Double::doubleValue).sum() / n;
		double squares = scores.stream().mapToDouble(score -> (score - mean) * (score - mean)).sum();
		double half = t975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
		return new Estimate(round(mean, 2), round(Math.max(1, mean - half), 2), round(Math.min(5, mean + half), 2));
	}

	/** The share satisfied, in per cent to one decimal, with its 95% Wilson score interval. */
	public static Estimate share(int satisfied, int responses) {
		if (responses <= 0 || satisfied < 0 || satisfied > responses) {
			throw new IllegalArgumentException("Need 0 <= satisfied <= responses and responses > 0");
		}
		double p = (double) satisfied / responses;
		double z2 = Z_95 * Z_95;
		double denominator = 1 + z2 / responses;
		double centre = (p + z2 / (2.0 * responses)) / denominator;
		double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / responses + z2 / (4.0 * responses * responses));
		return new Estimate(round(100 * p, 1), round(100 * Math.max(0, centre - half), 1),
				round(100 * Math.min(1, centre + half), 1));
	}

	private static BigDecimal round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
	}
}
