package org.cocommission.contracts;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A case was opened ({@code from} null) or moved on; {@code note} says why or what was decided. */
@DomainEvent
public record CaseTransitioned(long caseId, String practiceCode, CaseKind kind, CaseStatus from, CaseStatus to,
		String note) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(from == null ? "CONTRACT_CASE_OPENED" : "CONTRACT_CASE_" + to.name(), "CONTRACTS_CASE",
				String.valueOf(caseId), practiceCode, from == null ? null : from.name(), this);
	}
}
