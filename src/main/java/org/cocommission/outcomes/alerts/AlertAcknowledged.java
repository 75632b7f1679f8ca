package org.cocommission.outcomes.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/**
 * An organisation acknowledged its alert: the alert as it was and as it is now. Recorded in the audit trail in the
 * acknowledging transaction; others (an area team's follow-up) may listen for it.
 */
@DomainEvent
public record AlertAcknowledged(Alert before, Alert after) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("OUTCOMES_ALERT_ACKNOWLEDGED", "OUTCOMES_ALERT", Long.toString(after.id()),
				after.orgCode(), state(before), state(after));
	}

	static Map<String, Object> state(Alert alert) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("reason", alert.reason().name());
		state.put("indicator", alert.indicatorId());
		state.put("periods", alert.previousPeriod() + " to " + alert.period());
		state.put("acknowledgedBy", alert.acknowledgedBy());
		state.put("acknowledgement", alert.acknowledgement());
		state.put("withdrawn", alert.withdrawnReason());
		state.put("withdrawnBy", alert.withdrawnBy());
		state.put("version", alert.version());
		return state;
	}
}
