package org.cocommission.identity;

/** What an account may do; each role but national is scoped to one organisation and what sits under it. */
public enum Role {

	/** NHS England: everything, everywhere. */
	NATIONAL("NHS England"),
	/** An NHS England area team: its own CCGs and their practices. */
	AREA_TEAM("Area team"),
	/** A clinical commissioning group: itself and its member practices. */
	CCG("CCG"),
	/** A GP practice: itself. */
	PRACTICE("GP practice");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
