package org.cocommission.outcomes.discussions;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;
import org.cocommission.outcomes.Discussion;

/**
 * A discussion was started on an organisation's indicator: the thread as stored, before its first comment. Recorded
 * in the audit trail in the starting transaction.
 */
@DomainEvent
public record DiscussionStarted(Discussion thread) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("OUTCOMES_DISCUSSION_STARTED", "OUTCOMES_DISCUSSION", String.valueOf(thread.id()),
				thread.orgCode(), null, Discussions.state(thread));
	}
}
