package org.cocommission.identity;

/** A responsibility an account holds for one organisation on top of its role. */
public enum Duty {

	/** Keeps the CCG's governance registers: people, interests, gifts, committees and meetings. */
	GOVERNANCE_LEAD("Governance lead"),
	/** The audit chair as conflict of interest guardian (2016 guidance): decides which entries are sensitive. */
	CONFLICT_OF_INTEREST_GUARDIAN("Conflict of interest guardian"),
	/** The CCG's accountable officer. */
	ACCOUNTABLE_OFFICER("Accountable officer");

	private final String label;

	Duty(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
