package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationTransitioned.Decided;
import org.cocommission.cocommissioning.ApplicationTransitioned.Moved;
import org.cocommission.cocommissioning.ApplicationTransitioned.Recommended;
import org.cocommission.cocommissioning.ApplicationTransitioned.WentLive;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What co-commissioning writes to the audit trail keeps its field names and values: the audit page, its CSV and anyone
 * querying {@code after_state} read them by name. (PostgreSQL's jsonb keeps its own key order, whatever the record's;
 * {@code ApplicationWorkflowTests} checks the rows as stored.)
 */
class CoCommissioningAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aMoveRecordsItsNewStatusItsCommentAndItsOwnFacts() {
		assertThat(JSON.writeValueAsString(new Moved(ApplicationStatus.SUBMITTED, "Signed")))
			.isEqualTo("{\"status\":\"SUBMITTED\",\"comment\":\"Signed\"}");
		assertThat(JSON.writeValueAsString(new Recommended(ApplicationStatus.RECOMMENDED, "Sound",
				Recommendation.APPROVE_WITH_CONDITIONS)))
			.isEqualTo("{\"status\":\"RECOMMENDED\",\"comment\":\"Sound\",\"recommendation\":\"APPROVE_WITH_CONDITIONS\"}");
		assertThat(JSON.writeValueAsString(new Decided(ApplicationStatus.DECIDED, "Approved",
				BoardDecision.APPROVED_WITH_CONDITIONS, List.of("Conflicts training by June"))))
			.isEqualTo("{\"status\":\"DECIDED\",\"comment\":\"Approved\",\"decision\":\"APPROVED_WITH_CONDITIONS\","
					+ "\"conditions\":[\"Conflicts training by June\"]}");
		assertThat(JSON.writeValueAsString(new WentLive(ApplicationStatus.LIVE, CommissioningLevel.DELEGATED,
				LocalDate.of(2015, 4, 1))))
			.isEqualTo("{\"status\":\"LIVE\",\"level\":\"DELEGATED\",\"from\":\"2015-04-01\"}");
	}

	@Test
	void interestAStartScoresReopeningsAndPastOutcomesRecordTheirFacts() {
		assertThat(JSON.writeValueAsString(new Applications.AppliedFor("2015/16", CommissioningLevel.JOINT)))
			.isEqualTo("{\"round\":\"2015/16\",\"level\":\"JOINT\"}");
		assertThat(JSON.writeValueAsString(new Reviews.Scored("Integration of care", 4)))
			.isEqualTo("{\"criterion\":\"Integration of care\",\"score\":4}");
		assertThat(JSON.writeValueAsString(new Rounds.Reopened(Instant.parse("2014-06-27T16:00:00Z"), "Met late")))
			.isEqualTo("{\"openUntil\":\"2014-06-27T16:00:00Z\",\"reason\":\"Met late\"}");
		assertThat(JSON.writeValueAsString(new PublishedOutcomes.OutcomeRecorded("2015/16", CommissioningLevel.DELEGATED,
				LocalDate.of(2015, 4, 1))))
			.isEqualTo("{\"round\":\"2015/16\",\"level\":\"DELEGATED\",\"from\":\"2015-04-01\"}");
	}
}
