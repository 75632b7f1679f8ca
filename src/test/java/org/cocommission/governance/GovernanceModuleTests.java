package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.NewPerson;
import org.cocommission.governance.GovernanceRequests.Outcome;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance module with the modules it needs, on the embedded PostgreSQL: the changes other modules care about
 * are published as events, and the audit trail records them in the same transaction. Platform (an open module, so not
 * counted as a dependency) brings the embedded database.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(GovernanceFixture.class)
@RecordApplicationEvents
class GovernanceModuleTests {

	@Autowired
	Governance governance;

	@Autowired
	GovernanceFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void directoryAndUsers() {
		fixture.directoryAndUsers();
	}

	@Test
	void declaringAnInterestPublishesInterestDeclaredWhichTheAuditTrailRecords() {
		long person = governance.addPerson("01A", new NewPerson("Module declarer", MemberRole.GP_MEMBER, null, null, null,
				LocalDate.of(2015, 1, 1)));
		NewDeclaration declaration = new NewDeclaration(InterestCategory.FINANCIAL, "Partner", "G10001", null,
				LocalDate.of(2015, 1, 1), null, null);

		long id = governance.declare("01A", person, declaration);

		assertThat(events.stream(InterestDeclared.class))
			.containsExactly(new InterestDeclared(id, person, "01A", declaration));
		assertThat(auditEntries("INTEREST_DECLARED", "GOVERNANCE_DECLARATION", id)).isEqualTo(1);
	}

	@Test
	void recordingAnItemsOutcomePublishesDecisionRecordedWhichTheAuditTrailRecords() {
		var committee = fixture.committee("module");
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), LocalDate.of(2015, 9, 1),
				"Module meeting", List.of(new NewItem("Premises bid", ItemKind.DECISION, false, List.of()))));
		long item = governance.meeting(meeting).items().get(0).id();

		governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, "Premises bid approved", null, 0));

		assertThat(events.stream(DecisionRecorded.class)).singleElement().satisfies(decision -> {
			assertThat(decision.itemId()).isEqualTo(item);
			assertThat(decision.meetingId()).isEqualTo(meeting);
			assertThat(decision.ccgCode()).isEqualTo("01A");
			assertThat(decision.outcome()).isEqualTo(ItemStatus.APPROVED);
			assertThat(decision.item().decision()).isEqualTo("Premises bid approved");
			assertThat(decision.before().status()).isEqualTo(ItemStatus.OPEN);
		});
		assertThat(auditEntries("ITEM_APPROVED", "GOVERNANCE_ITEM", item)).isEqualTo(1);
	}

	@Test
	void aRefusedOutcomePublishesNothing() {
		var committee = fixture.committee("module-refused");
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), LocalDate.of(2015, 9, 2),
				"Module meeting refused", List.of(new NewItem("Premises bid", ItemKind.DECISION, false, List.of()))));
		long item = governance.meeting(meeting).items().get(0).id();

		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, " ", null, 0))))
			.isInstanceOf(org.cocommission.platform.InvalidInputException.class)
			.hasMessage("Record the decision taken");
		assertThat(events.stream(DecisionRecorded.class)).isEmpty();
	}

	private long auditEntries(String action, String entityType, long id) {
		return jdbc.sql("select count(*) from audit_event where action = ? and entity_type = ? and entity_id = ?")
			.params(action, entityType, String.valueOf(id))
			.query(Long.class)
			.single();
	}
}
