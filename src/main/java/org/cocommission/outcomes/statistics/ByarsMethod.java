package org.cocommission.outcomes.statistics;

/**
 * Byar's approximation to the Poisson limits of a count O: lower O*(1 - 1/(9O) - z/(3*sqrt(O)))^3, upper
 * (O+1)*(1 - 1/(9(O+1)) + z/(3*sqrt(O+1)))^3; exact Poisson limits below 10 events, and a lower limit below zero
 * reported as missing. Source: docs/domain-rules.md#outcomes (PHE Fingertips technical guidance).
 */
public final class ByarsMethod {

	static final int EXACT_BELOW = 10;

	/**
	 * The exact limits of the ten counts below {@link #EXACT_BELOW}, per confidence level, solved once: solving them
	 * by bisection for every small count made a national recompute several times slower.
	 */
	private static final Interval[][] EXACT = new Interval[ConfidenceLevel.values().length][EXACT_BELOW];

	static {
		for (ConfidenceLevel level : ConfidenceLevel.values()) {
			for (int observed = 0; observed < EXACT_BELOW; observed++) {
				EXACT[level.ordinal()][observed] = ExactPoisson.countLimits(observed, level);
			}
		}
	}

	private ByarsMethod() {
	}

	/** Limits of the count itself. */
	static Interval countLimits(long observed, ConfidenceLevel level) {
		if (observed < 0) {
			return Interval.NONE;
		}
		if (observed < EXACT_BELOW) {
			return EXACT[level.ordinal()][(int) observed];
		}
		double z = level.z();
		double o = observed;
		double lower = o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
		double upper = (o + 1) * Math.pow(1 - 1 / (9 * (o + 1)) + z / (3 * Math.sqrt(o + 1)), 3);
		return new Interval(lower < 0 ? null : lower, upper);
	}

	/** Limits of the crude rate O / denominator * multiplier. */
	public static Interval rateLimits(long observed, double denominator, double multiplier, ConfidenceLevel level) {
		if (denominator <= 0) {
			return Interval.NONE;
		}
		return countLimits(observed, level).times(multiplier / denominator);
	}
}
