package org.cocommission.contracts;

/** Who holds the contract. */
public enum ContractorKind {

	INDIVIDUAL("Individual medical practitioner"), PARTNERSHIP("Partnership"), COMPANY("Company"),
	UNKNOWN("Not recorded");

	private final String label;

	ContractorKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
