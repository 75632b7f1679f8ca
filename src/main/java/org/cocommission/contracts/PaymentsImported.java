package org.cocommission.contracts;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A year's payments file was stored, replacing that year's rows. */
@DomainEvent
public record PaymentsImported(long importId, String year, String fileName, int stored, int warnings)
		implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("CONTRACT_PAYMENTS_IMPORTED", "CONTRACTS_PAYMENTS_IMPORT", String.valueOf(importId), null,
				null, this);
	}
}
