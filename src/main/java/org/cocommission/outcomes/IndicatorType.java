package org.cocommission.outcomes;

/** What kind of figure an indicator is, which decides its multiplier and confidence interval method. */
public enum IndicatorType {

	PROPORTION("Proportion"),
	CRUDE_RATE("Crude rate"),
	DSR("Directly standardised rate");

	private final String label;

	IndicatorType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
