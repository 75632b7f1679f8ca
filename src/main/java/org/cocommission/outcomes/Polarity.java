package org.cocommission.outcomes;

/** Whether a higher value of an indicator is better, worse, or carries no judgement (docs/domain-rules.md#outcomes). */
public enum Polarity {

	HIGH_IS_GOOD("High is good"),
	LOW_IS_GOOD("Low is good"),
	NO_JUDGEMENT("No judgement");

	private final String label;

	Polarity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
