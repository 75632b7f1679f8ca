package org.cocommission.cocommissioning.applications;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Transition;
import org.cocommission.identity.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * The workflow part of an application: its status, the board's decision and the version that guards concurrent
 * changes. Each transition checks the current state and the actor's role and answers the new state; the service
 * stores it with the version check and the history line.
 */
public record ApplicationState(long id, long roundId, String ccgCode, CommissioningLevel level, ApplicationStatus status,
		BoardDecision decision, int version) {

	public ApplicationState {
		if (ccgCode == null || level == null || status == null) {
			throw new IllegalArgumentException("An application needs a CCG, a level and a status");
		}
	}

	/**
	 * The state after {@code transition} by an actor of {@code role} (null for the system).
	 * @throws IllegalArgumentException when the application's status does not allow the move
	 * @throws AccessDeniedException when the move belongs to another role
	 */
	public ApplicationState apply(Transition transition, Role role) {
		if (!transition.allowedFrom(status)) {
			throw new IllegalArgumentException("An application that is " + status.label().toLowerCase() + " cannot move to "
					+ transition.to().label().toLowerCase() + " (" + transition.label().toLowerCase() + ")");
		}
		if (transition.owner() != role) {
			throw new AccessDeniedException(transition.owner() == null
					? "Applications go live on the round's go-live date, by themselves"
					: "Only " + article(transition.owner()) + " user may " + transition.label().toLowerCase());
		}
		if (transition == Transition.GO_LIVE && (decision == null || !decision.approves())) {
			throw new IllegalArgumentException("Only an application the board approved can go live");
		}
		return new ApplicationState(id, roundId, ccgCode, level, transition.to(), decision, version);
	}

	public ApplicationState decided(BoardDecision boardDecision) {
		return new ApplicationState(id, roundId, ccgCode, level, status, boardDecision, version);
	}

	private static String article(Role role) {
		return switch (role) {
			case NATIONAL -> "an NHS England";
			case AREA_TEAM -> "an area team";
			case CCG -> "the CCG's";
			case PRACTICE -> "a GP practice";
		};
	}
}
