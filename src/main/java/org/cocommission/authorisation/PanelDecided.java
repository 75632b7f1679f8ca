package org.cocommission.authorisation;

import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** The panel decided a CCG's application: its outcome, with how many conditions and whether directions apply. */
@DomainEvent
public record PanelDecided(long applicationId, String ccgCode, int wave, OutcomeKind outcome, int conditions,
		boolean directions) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("AUTHORISATION_DECIDED", "AUTHORISATION_APPLICATION", String.valueOf(applicationId), ccgCode,
				null, Map.of("wave", wave, "outcome", outcome.name(), "conditions", conditions, "directions", directions));
	}
}
