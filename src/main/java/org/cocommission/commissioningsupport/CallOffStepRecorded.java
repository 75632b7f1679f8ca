package org.cocommission.commissioningsupport;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A step of a call-off competition was recorded: started, a bid, an evaluator, a score or the award. */
@DomainEvent
public record CallOffStepRecorded(long callOffId, String ccgCode, String step, Object details) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("CALL_OFF_" + step, "CS_CALL_OFF", String.valueOf(callOffId), ccgCode, null, details);
	}
}
