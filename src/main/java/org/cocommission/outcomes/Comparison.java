package org.cocommission.outcomes;

/** How an organisation's value compares with a benchmark, as Fingertips words it. */
public enum Comparison {

	BETTER("Significantly better"),
	SIMILAR("Similar"),
	WORSE("Significantly worse"),
	HIGHER("Significantly higher"),
	LOWER("Significantly lower"),
	NOT_COMPARED("Not compared");

	private final String label;

	Comparison(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The NHS.UK tag colour the pages show it in: green better, red worse, yellow similar, grey otherwise. */
	public String tag() {
		return switch (this) {
			case BETTER -> "nhsuk-tag--green";
			case WORSE -> "nhsuk-tag--red";
			case SIMILAR -> "nhsuk-tag--yellow";
			case HIGHER, LOWER, NOT_COMPARED -> "nhsuk-tag--grey";
		};
	}
}
