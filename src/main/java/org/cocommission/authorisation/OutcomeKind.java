package org.cocommission.authorisation;

/** What an authorisation panel decided for a CCG. */
public enum OutcomeKind {

	AUTHORISED("Authorised in full"), AUTHORISED_WITH_CONDITIONS("Authorised with conditions"),
	NOT_AUTHORISED("Not authorised");

	private final String label;

	OutcomeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
