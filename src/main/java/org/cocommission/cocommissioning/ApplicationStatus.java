package org.cocommission.cocommissioning;

/**
 * Where an application stands. DRAFT -> SUBMITTED (the CCG's accountable officer, before the deadline) ->
 * UNDER_REVIEW (the area team) <-> INFORMATION_REQUESTED (back with the CCG until it answers) -> RECOMMENDED (the
 * area team's recommendation) -> DECIDED (the NHS England board) -> LIVE (on the round's go-live date, when approved);
 * WITHDRAWN by the CCG at any point before the decision.
 */
public enum ApplicationStatus {

	DRAFT("Draft"), SUBMITTED("Submitted"), UNDER_REVIEW("Under area team review"),
	INFORMATION_REQUESTED("More information requested"), RECOMMENDED("Recommended to the board"),
	DECIDED("Decided by the board"), LIVE("Live"), WITHDRAWN("Withdrawn");

	private final String label;

	ApplicationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
