package org.cocommission.authorisation;

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
				null, new Details(wave, outcome.name(), conditions, directions));
	}

	/** The audit trail's record of the decision. */
	record Details(int wave, String outcome, int conditions, boolean directions) {
	}
}
