package org.cocommission.authorisation;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** One-time survey links were e-mailed to {@code invited} stakeholders of a CCG not invited to the survey before. */
@DomainEvent
public record SurveyInvitationsSent(long surveyId, String ccgCode, int invited, int validForDays) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("SURVEY_INVITATIONS_SENT", "AUTHORISATION_SURVEY", String.valueOf(surveyId), ccgCode, null,
				new Details(invited, validForDays));
	}

	/** The audit trail's record of the invitations. */
	record Details(int invited, int validForDays) {
	}
}
