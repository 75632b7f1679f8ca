package org.cocommission.identity;

/** What an account may do; each role but national is scoped to one organisation and what sits under it. */
public enum Role {

	/** NHS England: everything, everywhere. */
	NATIONAL("NHS England", "NHS_ENGLAND"),
	/** An NHS England area team: its own CCGs and their practices. */
	AREA_TEAM("Area team", "AREA_TEAM"),
	/** A clinical commissioning group: itself and its member practices. */
	CCG("CCG", "CCG"),
	/** A GP practice: itself. */
	PRACTICE("GP practice", "GP_PRACTICE");

	private final String label;

	private final String organisationType;

	Role(String label, String organisationType) {
		this.label = label;
		this.organisationType = organisationType;
	}

	/** The directory type an account of this role must belong to, so that its scope is what the role promises. */
	String organisationType() {
		return organisationType;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
