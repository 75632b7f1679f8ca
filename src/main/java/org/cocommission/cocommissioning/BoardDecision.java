package org.cocommission.cocommissioning;

/** The NHS England board's decision (docs/domain-rules.md#co-commissioning: the board approves). */
public enum BoardDecision {

	APPROVED("Approved", true), APPROVED_WITH_CONDITIONS("Approved with conditions", true), REJECTED("Rejected", false);

	private final String label;

	private final boolean approves;

	BoardDecision(String label, boolean approves) {
		this.label = label;
		this.approves = approves;
	}

	public String label() {
		return label;
	}

	public boolean approves() {
		return approves;
	}
}
