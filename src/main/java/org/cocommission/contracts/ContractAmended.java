package org.cocommission.contracts;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A contract's recorded details changed. */
@DomainEvent
public record ContractAmended(String practiceCode, Object before, Object after) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("CONTRACT_AMENDED", "CONTRACTS_CONTRACT", practiceCode, practiceCode, before, after);
	}
}
