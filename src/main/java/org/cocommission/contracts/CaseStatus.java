package org.cocommission.contracts;

import java.util.Set;

/**
 * Where a case stands. Received, then acknowledged (list closures), on a committee's agenda where a committee decides,
 * then approved or refused; withdrawn at any open step. Notices are "approved" when served.
 */
public enum CaseStatus {

	RECEIVED("Received"), ACKNOWLEDGED("Acknowledged"), ON_AGENDA("On a committee's agenda"), APPROVED("Approved"),
	REFUSED("Refused"), WITHDRAWN("Withdrawn");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this == RECEIVED || this == ACKNOWLEDGED || this == ON_AGENDA;
	}

	/** The moves the workflow allows from this status. */
	public Set<CaseStatus> next() {
		return switch (this) {
			case RECEIVED -> Set.of(ACKNOWLEDGED, ON_AGENDA, APPROVED, REFUSED, WITHDRAWN);
			case ACKNOWLEDGED -> Set.of(ON_AGENDA, APPROVED, REFUSED, WITHDRAWN);
			case ON_AGENDA -> Set.of(ACKNOWLEDGED, APPROVED, REFUSED, WITHDRAWN);
			default -> Set.of();
		};
	}
}
