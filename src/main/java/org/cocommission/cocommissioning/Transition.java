package org.cocommission.cocommissioning;

import java.util.EnumSet;
import java.util.Set;

import org.cocommission.identity.Role;

/**
 * Every move an application may make, from which states, to which state, and the one role that owns it; {@code null}
 * owner means the system (the go-live job). Source: the co-commissioning process,
 * docs/domain-rules.md#co-commissioning.
 */
public enum Transition {

	SUBMIT("Submit", EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.SUBMITTED, Role.CCG),
	START_REVIEW("Start the review", EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.UNDER_REVIEW, Role.AREA_TEAM),
	REQUEST_INFORMATION("Request more information", EnumSet.of(ApplicationStatus.UNDER_REVIEW),
			ApplicationStatus.INFORMATION_REQUESTED, Role.AREA_TEAM),
	RETURN_INFORMATION("Return the application with the information", EnumSet.of(ApplicationStatus.INFORMATION_REQUESTED),
			ApplicationStatus.UNDER_REVIEW, Role.CCG),
	RECOMMEND("Recommend", EnumSet.of(ApplicationStatus.UNDER_REVIEW), ApplicationStatus.RECOMMENDED, Role.AREA_TEAM),
	DECIDE("Record the board's decision", EnumSet.of(ApplicationStatus.RECOMMENDED), ApplicationStatus.DECIDED, Role.NATIONAL),
	GO_LIVE("Go live", EnumSet.of(ApplicationStatus.DECIDED), ApplicationStatus.LIVE, null),
	WITHDRAW("Withdraw", EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
			ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED), ApplicationStatus.WITHDRAWN, Role.CCG);

	private final String label;

	private final Set<ApplicationStatus> from;

	private final ApplicationStatus to;

	private final Role owner;

	Transition(String label, Set<ApplicationStatus> from, ApplicationStatus to, Role owner) {
		this.label = label;
		this.from = from;
		this.to = to;
		this.owner = owner;
	}

	public String label() {
		return label;
	}

	public ApplicationStatus to() {
		return to;
	}

	/** The role that owns the move; null for the system. */
	public Role owner() {
		return owner;
	}

	public boolean allowedFrom(ApplicationStatus status) {
		return from.contains(status);
	}
}
