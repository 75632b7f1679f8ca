package org.cocommission.cocommissioning;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.cocommission.cocommissioning.ApplicationTransitioned.Decided;
import org.cocommission.cocommissioning.ApplicationTransitioned.Moved;
import org.cocommission.cocommissioning.ApplicationTransitioned.Recorded;
import org.cocommission.cocommissioning.applications.ApplicationState;
import org.cocommission.cocommissioning.applications.ApplicationStore;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Duty;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves applications through their states (see {@link ApplicationStatus}), each move by the role that owns it
 * ({@link Transition}), within the actor's organisation scope, with a comment, added to the append-only history and
 * published as {@link ApplicationTransitioned} (audited, and notified by {@code reminders.TransitionNotices}). Scoring,
 * recommendations and conditions are in {@link Reviews}.
 */
@Service
@Transactional
public class ApplicationWorkflow {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm:ss");

	private final ApplicationStore store;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final Governance governance;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationWorkflow(ApplicationStore store, Rounds rounds, AccessPolicy policy, Governance governance,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.rounds = rounds;
		this.policy = policy;
		this.governance = governance;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Submits the application: by the CCG's accountable officer, before the deadline for its level (or the window
	 * re-opened for the CCG), complete, and only while no governing body member's declarations of interests are overdue.
	 */
	public ApplicationView submit(long id, String comment, int version) {
		ApplicationState state = store.state(id);
		CurrentUser user = policy.requireUser();
		state.apply(Transition.SUBMIT, user.role());
		policy.checkCanSee(state.ccgCode());
		if (!policy.hasDuty(user, Duty.ACCOUNTABLE_OFFICER, state.ccgCode())) {
			throw new AccessDeniedException("Only " + state.ccgCode() + "'s accountable officer may submit its application");
		}
		ApplicationWindow window = rounds.windowFor(state.roundId(), state.ccgCode(), state.level());
		if (!window.isOpenAt(clock.instant())) {
			throw new IllegalArgumentException("The deadline for applications passed on "
					+ DEADLINE.format(window.closesAt().atZone(Round.LONDON)) + " (UK time); ask NHS England to re-open it");
		}
		ApplicationView view = store.view(id);
		if (!view.missing().isEmpty()) {
			throw new IllegalArgumentException("The application is not complete: " + String.join("; ", view.missing()));
		}
		List<PersonView> overdue = governance.overdueGoverningBodyMembers(state.ccgCode());
		if (!overdue.isEmpty()) {
			throw new IllegalArgumentException("The application cannot be submitted while declarations of interests are"
					+ " overdue for governing body members: " + overdue.stream().map(PersonView::name)
						.collect(Collectors.joining(", ")));
		}
		return move(id, Transition.SUBMIT, comment, version, Moved::new);
	}

	public ApplicationView startReview(long id, String comment, int version) {
		return move(id, Transition.START_REVIEW, comment, version, Moved::new);
	}

	/** Sends the application back to the CCG with the questions in the comment. */
	public ApplicationView requestInformation(long id, String comment, int version) {
		return move(id, Transition.REQUEST_INFORMATION, comment, version, Moved::new);
	}

	public ApplicationView returnInformation(long id, String comment, int version) {
		return move(id, Transition.RETURN_INFORMATION, comment, version, Moved::new);
	}

	public ApplicationView withdraw(long id, String comment, int version) {
		return move(id, Transition.WITHDRAW, comment, version, Moved::new);
	}

	/**
	 * Checks and makes one move by the signed-in user: the version, the user's scope over the CCG, then the state and
	 * role in the aggregate. {@code recording} makes what the audit trail keeps of it; a {@link Decided} move also
	 * records the board's decision on the application.
	 */
	ApplicationView move(long id, Transition transition, String comment, int version, Recording recording) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", switch (transition) {
				case SUBMIT -> "Add a comment for the history, such as who signed the application off";
				case REQUEST_INFORMATION -> "Say what more you need from the CCG";
				case RETURN_INFORMATION -> "Say what you have added";
				case WITHDRAW -> "Say why the application is withdrawn";
				default -> "Add a comment for the history";
			});
		}
		ApplicationState before = store.state(id);
		CurrentUser user = policy.requireUser();
		policy.checkCanSee(before.ccgCode());
		if (user.role() == Role.CCG && !user.organisationCode().equals(before.ccgCode())) {
			throw new AccessDeniedException("Your account cannot act for " + before.ccgCode());
		}
		if (before.version() != version) {
			throw new OptimisticLockingFailureException(ApplicationStore.CONFLICT);
		}
		ApplicationState after = before.apply(transition, user.role());
		Recorded recorded = recording.of(after.status(), comment.trim());
		if (recorded instanceof Decided decided) {
			after = after.decided(decided.decision());
		}
		long historyId = store.move(before, after, user.username(), comment.trim());
		events.publishEvent(new ApplicationTransitioned(id, before.roundId(), before.ccgCode(), before.level(), transition,
				before.status(), after.status(), comment.trim(), historyId, recorded));
		return store.view(id);
	}

	/** Makes what the audit trail keeps of a move from its new status and its comment, once both are checked. */
	@FunctionalInterface
	interface Recording {

		Recorded of(ApplicationStatus status, String comment);
	}
}
