package org.cocommission.outcomes.statistics;

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

	/** The NHS.UK tag colour the pages show it in: green improving, red worsening, blue higher or lower, else grey. */
	public String tag() {
		return switch (this) {
			case IMPROVING -> "nhsuk-tag--green";
			case WORSENING -> "nhsuk-tag--red";
			case HIGHER, LOWER -> "nhsuk-tag--blue";
			case NO_SIGNIFICANT_CHANGE, NOT_TESTED -> "nhsuk-tag--grey";
		};
	}
}
