package org.cocommission.audit;

/**
 * A domain event that the audit trail records: a module publishes its past-tense event (an application submitted, a
 * decision recorded) and says, through this, what entry it makes; audit writes it in the publisher's transaction
 * ({@link AuditedEvents}), so the module need not call the audit trail itself and the audit trail need not know
 * the module.
 */
public interface Audited {

	AuditEntry auditEntry();
}
