package org.cocommission.governance;

/** How a person (or their close relative) is tied to an organisation; every such tie is a financial interest. */
public enum LinkRelationship {

	PARTNER("Partner"), SALARIED_GP("Salaried GP"), EMPLOYEE("Employee"), DIRECTOR("Director"),
	SHAREHOLDER("Shareholder");

	private final String label;

	LinkRelationship(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
