package org.cocommission.outcomes;

/** A confidence interval; a limit that cannot be computed (such as Byar's lower limit below zero) is null. */
record Interval(Double lower, Double upper) {

	Interval {
		if (lower != null && upper != null && lower > upper) {
			throw new IllegalArgumentException("Lower limit " + lower + " is above upper limit " + upper);
		}
	}

	static final Interval NONE = new Interval(null, null);

	boolean complete() {
		return lower != null && upper != null;
	}

	Interval times(double factor) {
		return new Interval(lower == null ? null : lower * factor, upper == null ? null : upper * factor);
	}
}
