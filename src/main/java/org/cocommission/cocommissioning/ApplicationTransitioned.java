package org.cocommission.cocommissioning;

import java.util.Collections;
import java.util.LinkedHashMap;
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
		Map<String, Object> recorded) implements Audited {

	public ApplicationTransitioned {
		recorded = Collections.unmodifiableMap(new LinkedHashMap<>(recorded));
	}

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("COCOMMISSIONING_" + transition.name(), "COCOMMISSIONING_APPLICATION",
				String.valueOf(applicationId), ccgCode, Map.of("status", from.name()), recorded);
	}
}
