package org.cocommission.governance.meetings;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.PossibleConflictDecision;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.Handling;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.Vote;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22, defect 1, on the real database: a director of "Fletcher GP Federation Ltd" is conflicted on an item about
 * "fletcher gp federation" and cannot vote; a near match waits for the chair, whose decision is recorded.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(GovernanceFixture.class)
@RecordApplicationEvents
class ConflictsByBodyTests {

	@Autowired
	Governance governance;

	@Autowired
	GovernanceFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directoryAndUsers() {
		fixture.directoryAndUsers();
	}

	private long meeting;

	private ItemView meetingAbout(GovernanceFixture.Committee committee, String provider, String suffix) {
		governance.declare("01A", committee.otherGp(), new NewDeclaration(InterestCategory.FINANCIAL,
				"Director of Fletcher GP Federation Ltd", null, "Fletcher GP Federation Ltd", LocalDate.of(2014, 1, 1),
				null, null));
		meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), LocalDate.of(2015, 12, 15),
				"Extended access " + suffix, List.of(new NewItem("Extended access contract", ItemKind.DECISION, false,
						List.of(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, provider))))));
		return governance.meeting(meeting).items().get(0);
	}

	@Test
	void theDirectorOfTheFederationSpelledAnotherWayIsConflictedAndCannotVote() {
		var committee = fixture.committee("fletcher");
		ItemView item = meetingAbout(committee, "fletcher gp federation", "fletcher");

		assertThat(item.conflicts()).singleElement().satisfies(conflict -> {
			assertThat(conflict.personId()).isEqualTo(committee.otherGp());
			assertThat(conflict.requiredHandling()).isEqualTo(Handling.LEAVE_FOR_ITEM);
		});
		assertThatThrownBy(() -> governance.vote(item.id(), new CastVote(committee.otherGp(), Vote.FOR)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("may not vote on this item");
	}

	@Test
	void aNearMatchBlocksTheMembersVoteUntilTheChairDecidesAndTheDecisionIsRecorded() {
		var committee = fixture.committee("near");
		ItemView item = meetingAbout(committee, "Fletcher Federation", "near");

		assertThat(item.conflicts()).isEmpty();
		assertThat(item.possibleConflicts()).singleElement().satisfies(possible -> {
			assertThat(possible.personId()).isEqualTo(committee.otherGp());
			assertThat(possible.sameBody()).isNull();
		});
		assertThatThrownBy(() -> governance.vote(item.id(), new CastVote(committee.otherGp(), Vote.FOR)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Decide first whether Dr Other near's interest in \"Fletcher GP Federation Ltd\"");

		governance.decidePossibleConflict(item.id(), new PossibleConflictDecision(committee.otherGp(),
				"Fletcher GP Federation Ltd", "Fletcher Federation", true));

		ItemView after = governance.meeting(meeting).items().get(0);
		assertThat(after.possibleConflicts()).singleElement().extracting(p -> p.sameBody()).isEqualTo(true);
		assertThat(after.conflicts()).singleElement().extracting(c -> c.requiredHandling())
			.isEqualTo(Handling.LEAVE_FOR_ITEM);
		assertThatThrownBy(() -> governance.vote(item.id(), new CastVote(committee.otherGp(), Vote.FOR)))
			.hasMessageContaining("may not vote on this item");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'POSSIBLE_CONFLICT_CONFIRMED' and entity_id = ?")
			.param(String.valueOf(item.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}
}
