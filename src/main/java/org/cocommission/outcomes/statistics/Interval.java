package org.cocommission.outcomes.statistics;

/** A confidence interval; a limit that cannot be computed (such as Byar's lower limit below zero) is null. */
public record Interval(Double lower, Double upper) {

	public Interval {
		if (lower != null && upper != null && lower > upper) {
			throw new IllegalArgumentException("Lower limit " + lower + " is above upper limit " + upper);
		}
	}

	public static final Interval NONE = new Interval(null, null);

	boolean complete() {
		return lower != null && upper != null;
	}

	public Interval times(double factor) {
		return new Interval(lower == null ? null : lower * factor, upper == null ? null : upper * factor);
	}
}
