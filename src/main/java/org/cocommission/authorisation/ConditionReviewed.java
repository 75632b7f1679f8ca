package org.cocommission.authorisation;

import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A condition was reviewed; when {@code met}, it was discharged on the day of the review. */
@DomainEvent
public record ConditionReviewed(long conditionId, String ccgCode, String criterionCode, LocalDate reviewedOn,
		boolean met, String note) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(met ? "CONDITION_DISCHARGED" : "CONDITION_REVIEWED", "AUTHORISATION_CONDITION",
				String.valueOf(conditionId), ccgCode, null,
				new Details(criterionCode, reviewedOn.toString(), met, note));
	}

	/** The audit trail's record of the review. */
	record Details(String criterion, String reviewedOn, boolean met, String note) {
	}
}
