package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What authorisation's events write to the audit trail keeps its field names and values (each expected map is what
 * the event wrote before it was a record). PostgreSQL's jsonb keeps its own key order, so order is not compared.
 */
class AuthorisationAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aReviewedConditionRecordsItsCriterionDayOutcomeAndNote() {
		assertThat(after(new ConditionReviewed(7, "00C", "C3", LocalDate.of(2013, 9, 30), true, "Evidence seen")))
			.isEqualTo(tree(Map.of("criterion", "C3", "reviewedOn", "2013-09-30", "met", true, "note", "Evidence seen")));
	}

	@Test
	void aDecisionRecordsItsWaveOutcomeConditionsAndDirections() {
		assertThat(after(new PanelDecided(3, "00C", 2, OutcomeKind.AUTHORISED_WITH_CONDITIONS, 4, false)))
			.isEqualTo(tree(Map.of("wave", 2, "outcome", "AUTHORISED_WITH_CONDITIONS", "conditions", 4, "directions",
					false)));
	}

	@Test
	void invitationsAndRemindersRecordHowManyAndTheirDays() {
		assertThat(after(new SurveyInvitationsSent(1, "00C", 12, 28)))
			.isEqualTo(tree(Map.of("invited", 12, "validForDays", 28)));
		assertThat(after(new SurveyRemindersSent(1, "00C", 5, 7)))
			.isEqualTo(tree(Map.of("reminded", 5, "daysBeforeExpiry", 7)));
	}

	private static JsonNode after(org.cocommission.audit.Audited event) {
		return tree(event.auditEntry().after());
	}

	private static JsonNode tree(Object value) {
		return JSON.readTree(JSON.writeValueAsString(value));
	}
}
