package org.cocommission.governance;

import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;
import org.cocommission.governance.GovernanceViews.ItemView;

/**
 * A meeting recorded an agenda item's outcome: approved, rejected, noted, deferred or referred. It is final, and goes on
 * the decisions register (the procurement register too, for a procurement item); contracts may act on an approval.
 * {@code before} is the item as it stood, for the audit trail.
 */
@DomainEvent
public record DecisionRecorded(String ccgCode, long meetingId, LocalDate heldOn, ItemView item, ItemView before)
		implements Audited {

	public long itemId() {
		return item.id();
	}

	public ItemStatus outcome() {
		return item.status();
	}

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("ITEM_" + item.status().name(), "GOVERNANCE_ITEM", String.valueOf(item.id()), ccgCode,
				before, item);
	}
}
