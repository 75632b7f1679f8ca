package org.cocommission.authorisation;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** {@code reminded} stakeholders of a CCG who had not answered a survey were reminded, once, before their link expires. */
@DomainEvent
public record SurveyRemindersSent(long surveyId, String ccgCode, int reminded, int daysBeforeExpiry) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("SURVEY_REMINDERS_SENT", "AUTHORISATION_SURVEY", String.valueOf(surveyId), ccgCode, null,
				new Details(reminded, daysBeforeExpiry));
	}

	/** The audit trail's record of the reminders. */
	record Details(int reminded, int daysBeforeExpiry) {
	}
}
