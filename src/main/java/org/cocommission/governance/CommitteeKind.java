package org.cocommission.governance;

/** The committees whose terms of reference CoCommission holds. */
public enum CommitteeKind {

	GOVERNING_BODY("Governing body"),
	/** Joint or delegated co-commissioning: lay chair, lay and executive majority. */
	PRIMARY_CARE_COMMISSIONING_COMMITTEE("Primary care commissioning committee"), OTHER("Other committee");

	private final String label;

	CommitteeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
