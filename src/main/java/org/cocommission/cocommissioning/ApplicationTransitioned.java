package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/**
 * An application moved from one status to another ({@link Transition}): submitted, reviewed, sent back, recommended,
 * decided, live or withdrawn. Audited with what the move recorded ({@code recorded}: the new status, the comment and
 * the move's own facts, such as the board's decision); the people concerned are told by
 * {@code reminders.TransitionNotices}.
 *
 * @param historyId the line the move added to the application's history, which keys its e-mails
 */
@DomainEvent
public record ApplicationTransitioned(long applicationId, long roundId, String ccgCode, CommissioningLevel level,
		Transition transition, ApplicationStatus from, ApplicationStatus to, String comment, long historyId,
		Recorded recorded) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("COCOMMISSIONING_" + transition.name(), "COCOMMISSIONING_APPLICATION",
				String.valueOf(applicationId), ccgCode, Map.of("status", from.name()), recorded);
	}

	/** What the audit trail keeps of a move, field by field: its new status and what the move itself records. */
	public sealed interface Recorded permits Moved, Recommended, Decided, WentLive {

		ApplicationStatus status();
	}

	/** A move that records its comment only: submitted, reviewed, sent back, returned or withdrawn. */
	public record Moved(ApplicationStatus status, String comment) implements Recorded {
	}

	/** The area team's recommendation to the board, its reasons as the comment. */
	public record Recommended(ApplicationStatus status, String comment, Recommendation recommendation)
			implements Recorded {
	}

	/** The board's decision, its reasons as the comment, and the conditions of an approval with conditions. */
	public record Decided(ApplicationStatus status, String comment, BoardDecision decision, List<String> conditions)
			implements Recorded {

		public Decided {
			conditions = List.copyOf(conditions);
		}
	}

	/** The system's move on the go-live date: the level the CCG commissions at from that day. */
	public record WentLive(ApplicationStatus status, CommissioningLevel level, LocalDate from) implements Recorded {
	}
}
