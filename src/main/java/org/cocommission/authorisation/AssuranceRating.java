package org.cocommission.authorisation;

/** The CCG Improvement and Assessment Framework's annual rating, best first (docs/domain-rules.md). */
public enum AssuranceRating {

	OUTSTANDING("Outstanding"), GOOD("Good"), REQUIRES_IMPROVEMENT("Requires improvement"), INADEQUATE("Inadequate");

	private final String label;

	AssuranceRating(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
