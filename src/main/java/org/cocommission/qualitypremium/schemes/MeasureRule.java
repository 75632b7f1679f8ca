package org.cocommission.qualitypremium.schemes;

/** How a measure is judged achieved (NHS England, Quality premium guidance 2013/14 to 2016/17). */
public enum MeasureRule {
	/** The value fell by at least the target % from its value in the baseline period. */
	REDUCTION("A reduction of at least the target % from the baseline period"),
	/** The value is at or below the target (or the CCG's own threshold given with the data). */
	THRESHOLD("At or below a threshold"),
	/** The value is at or above the target. */
	MINIMUM("At or above a level"),
	/** A reporting or roll-out condition met: the value is 1 when met, 0 when not. */
	CONDITION("A reporting or roll-out condition met"),
	/** Parts, each with its own share of the measure (the 2016/17 antibiotics measure was 50/50). */
	COMPOSITE("A composite of parts with their own split");

	private final String label;

	MeasureRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
