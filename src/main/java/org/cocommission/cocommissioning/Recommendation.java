package org.cocommission.cocommissioning;

/** The area team's recommendation to the board (docs/domain-rules.md#co-commissioning: the area team recommends). */
public enum Recommendation {

	APPROVE("Approve"), APPROVE_WITH_CONDITIONS("Approve with conditions"), DO_NOT_APPROVE("Do not approve");

	private final String label;

	Recommendation(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
