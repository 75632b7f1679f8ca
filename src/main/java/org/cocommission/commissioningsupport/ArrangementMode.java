package org.cocommission.commissioningsupport;

/** How a CCG gets a service of commissioning support. */
public enum ArrangementMode {

	/** Done by the CCG's own staff. */
	MAKE("Made in house"),

	/** Bought from a provider. */
	BUY("Bought"),

	/** Shared with other CCGs (one hosts it for the others). */
	SHARE("Shared with other CCGs");

	private final String label;

	ArrangementMode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
