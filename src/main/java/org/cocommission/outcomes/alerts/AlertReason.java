package org.cocommission.outcomes.alerts;

/** Why an organisation is on the alert list (issue 5, item 7). */
public enum AlertReason {

	/** Its value changed for the worse from the previous period to the latest, significant at 95%. */
	SIGNIFICANTLY_WORSE("Significantly worse than the previous period"),
	/** It is in the worst decile (by polarity) in the latest period and was not in the previous one. */
	INTO_WORST_DECILE("Moved into the worst decile");

	private final String label;

	AlertReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
