package org.cocommission.governance;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;

/** A person's interest went on their CCG's register of interests (and counts as their return). */
@DomainEvent
public record InterestDeclared(long declarationId, long personId, String ccgCode, NewDeclaration declaration)
		implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("INTEREST_DECLARED", "GOVERNANCE_DECLARATION", String.valueOf(declarationId), ccgCode, null,
				declaration);
	}
}
