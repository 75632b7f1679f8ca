package org.cocommission.commissioningsupport;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A CCG answered (or answered again) its yearly review of a service it buys, or recorded a service level. */
@DomainEvent
public record ProviderReviewed(String ccgCode, String entity, String action, Object details) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(action, "CS_REVIEW", entity, ccgCode, null, details);
	}
}
