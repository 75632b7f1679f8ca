package org.cocommission.outcomes;

/** How an indicator's confidence intervals are computed (docs/domain-rules.md#outcomes). */
public enum StatisticalMethod {

	WILSON("Wilson score interval"),
	BYAR("Byar's method (exact Poisson below 10 events)"),
	DOBSON("Dobson's method around Byar limits");

	private final String label;

	StatisticalMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
