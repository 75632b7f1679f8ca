package org.cocommission.outcomes.statistics;

import java.util.Arrays;

/**
 * Interpolated percentiles and deciles of a set of values, as PostgreSQL's PERCENTILE_CONT and OpenPrescribing
 * compute them: on the sorted values, h = (n-1)f + 1, v = v[k-1] + (h-k)(v[k]-v[k-1]) with k = floor(h), 1-based.
 * An organisation's decile is 1 + the number of the 10th..90th percentile cut points strictly below its value, so
 * decile 1 holds the lowest values and decile 10 the highest, whatever the polarity. Deciles need at least 5 values.
 * Source: docs/domain-rules.md#outcomes.
 */
public final class Percentiles {

	public static final int MINIMUM_VALUES = 5;

	private Percentiles() {
	}

	public static double percentile(double[] sorted, double fraction) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("No values");
		}
		double h = (sorted.length - 1) * fraction + 1;
		int k = (int) Math.floor(h);
		if (k >= sorted.length) {
			return sorted[sorted.length - 1];
		}
		return sorted[k - 1] + (h - k) * (sorted[k] - sorted[k - 1]);
	}

	/** The nine cut points (10th to 90th percentiles), or null when there are fewer than five values. */
	public static double[] decileCuts(double[] values) {
		if (values.length < MINIMUM_VALUES) {
			return null;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double[] cuts = new double[9];
		for (int i = 0; i < 9; i++) {
			cuts[i] = percentile(sorted, (i + 1) / 10.0);
		}
		return cuts;
	}

	public static Integer decile(double value, double[] cuts) {
		if (cuts == null) {
			return null;
		}
		int below = 0;
		for (double cut : cuts) {
			if (cut < value) {
				below++;
			}
		}
		return below + 1;
	}
}
