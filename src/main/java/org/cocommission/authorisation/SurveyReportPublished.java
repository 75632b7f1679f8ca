package org.cocommission.authorisation;

import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/** A CCG's 360 survey report was published: from now on anyone may read it without signing in. */
@DomainEvent
public record SurveyReportPublished(long surveyId, String ccgCode) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("SURVEY_REPORT_PUBLISHED", "AUTHORISATION_SURVEY", String.valueOf(surveyId), ccgCode, null,
				Map.of());
	}
}
