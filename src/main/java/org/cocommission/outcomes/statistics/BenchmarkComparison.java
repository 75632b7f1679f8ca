package org.cocommission.outcomes.statistics;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Polarity;

/**
 * Comparison with a benchmark, Fingertips' default: the benchmark inside the area's 95% interval is similar;
 * otherwise higher or lower, turned into better or worse by polarity; not compared when the interval cannot be
 * computed. Source: docs/domain-rules.md#outcomes.
 */
public final class BenchmarkComparison {

	private BenchmarkComparison() {
	}

	public static Comparison compare(Interval interval, Double benchmark, Polarity polarity) {
		if (interval == null || !interval.complete() || benchmark == null) {
			return Comparison.NOT_COMPARED;
		}
		boolean higher;
		if (interval.lower() > benchmark) {
			higher = true;
		}
		else if (interval.upper() < benchmark) {
			higher = false;
		}
		else {
			return Comparison.SIMILAR;
		}
		return switch (polarity) {
			case HIGH_IS_GOOD -> higher ? Comparison.BETTER : Comparison.WORSE;
			case LOW_IS_GOOD -> higher ? Comparison.WORSE : Comparison.BETTER;
			case NO_JUDGEMENT -> higher ? Comparison.HIGHER : Comparison.LOWER;
		};
	}
}
