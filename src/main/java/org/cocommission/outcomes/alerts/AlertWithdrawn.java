package org.cocommission.outcomes.alerts;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/**
 * A person withdrew an alert, with a reason (docs/domain-rules.md, "Withdrawing an alert"): the alert as it was and
 * as it is now. Recorded in the audit trail in the withdrawing transaction. Withdrawals by the system after a
 * corrected import are audited by {@code AlertWithdrawals} with the system as the actor.
 */
@DomainEvent
public record AlertWithdrawn(Alert before, Alert after) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("OUTCOMES_ALERT_WITHDRAWN", "OUTCOMES_ALERT", Long.toString(after.id()),
				after.orgCode(), AlertAcknowledged.state(before), AlertAcknowledged.state(after));
	}
}
