package org.cocommission.outcomes;

/**
 * Which way an organisation's value moved between two periods, judged at 95%: improving or worsening by the
 * indicator's polarity, higher or lower where there is no judgement, or not tested when either value is missing.
 */
public enum TrendDirection {

	IMPROVING("Improving"),
	NO_SIGNIFICANT_CHANGE("No significant change"),
	WORSENING("Worsening"),
	HIGHER("Significantly higher"),
	LOWER("Significantly lower"),
	NOT_TESTED("Not tested");

	private final String label;

	TrendDirection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
