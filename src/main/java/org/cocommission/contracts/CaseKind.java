package org.cocommission.contracts;

/** The contract changes handled as cases (docs/domain-rules.md, GP contracts, "Cases and their clocks"). */
public enum CaseKind {

	LIST_CLOSURE("List closure application"), MERGER("Practice merger"), VARIATION("Contract variation"),
	REMEDIAL_NOTICE("Remedial notice"), BREACH_NOTICE("Breach notice"), TERMINATION("Termination"),
	APMS_EXPIRY("APMS contract expiry"), PMS_REVIEW("PMS review");

	private final String label;

	CaseKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the case ends in a commissioning decision (notices are served, not decided). */
	public boolean needsDecision() {
		return this != REMEDIAL_NOTICE && this != BREACH_NOTICE;
	}
}
