package org.cocommission.cocommissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.levels.GoLive;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The co-commissioning module on its own (with the modules it uses) on the real database: each move of an application
 * is published as {@link ApplicationTransitioned}, which writes its audit entry and tells the people concerned in the
 * move's transaction; the board's decision and the CCG's new level on the go-live date are published for the modules
 * that follow a CCG's level; the go-live job acts as the system.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClock.Configuration.class)
@RecordApplicationEvents
class CoCommissioningModuleTests {

	@Autowired
	Rounds rounds;

	@Autowired
	Applications applications;

	@Autowired
	ApplicationWorkflow workflow;

	@Autowired
	Reviews reviews;

	@Autowired
	GoLive goLive;

	@Autowired
	UserDetailsService users;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	void directoryAndUsers(DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@Test
	void publishesEachMoveTheDecisionAndTheNewLevelAndAuditsAndNotifiesEachMove() {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		Round round = as(users, "cc-national", () -> rounds.create(CoCommissioningTestData.round("Events round")));
		ApplicationView draft = complete(round, "51A");
		ApplicationView submitted = as(users, "cc-ao-51a", () -> workflow.submit(draft.id(), "Signed off", draft.version()));

		ApplicationTransitioned submission = events.stream(ApplicationTransitioned.class).reduce((a, b) -> b).orElseThrow();
		assertThat(submission).satisfies(moved -> {
			assertThat(moved.applicationId()).isEqualTo(draft.id());
			assertThat(moved.ccgCode()).isEqualTo("51A");
			assertThat(moved.transition()).isEqualTo(Transition.SUBMIT);
			assertThat(moved.from()).isEqualTo(ApplicationStatus.DRAFT);
			assertThat(moved.to()).isEqualTo(ApplicationStatus.SUBMITTED);
			assertThat(moved.comment()).isEqualTo("Signed off");
		});
		assertThat(jdbc.sql("select actor from audit_event where action = 'COCOMMISSIONING_SUBMIT' and entity_id = ?")
			.param(String.valueOf(draft.id())).query(String.class).list()).containsExactly("cc-ao-51a");
		assertThat(jdbc.sql("select count(*) from notification_notice where recipient = 'cc-area-q51' and link = ?")
			.param("/co-commissioning/applications/" + draft.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification_email_outbox where deduplication_key = ?")
			.param("cocommissioning-transition-" + submission.historyId() + "-cc-ao-51a").query(Integer.class).single())
			.isEqualTo(1);

		ApplicationView reviewing = as(users, "cc-area-q51",
				() -> workflow.startReview(submitted.id(), "Starting", submitted.version()));
		int assured = as(users, "cc-area-q51",
				() -> reviews.recordPart2(reviewing.id(), true, true, true, "Rita Reviewer", reviewing.version()));
		ApplicationView recommended = as(users, "cc-area-q51",
				() -> reviews.recommend(reviewing.id(), Recommendation.APPROVE, "Meets every criterion", assured));
		as(users, "cc-national", () -> reviews.decide(recommended.id(), BoardDecision.APPROVED, "Approved by the board",
				List.of(), recommended.version()));

		assertThat(events.stream(BoardDecisionRecorded.class)).singleElement()
			.isEqualTo(new BoardDecisionRecorded(draft.id(), round.id(), "51A", CommissioningLevel.DELEGATED,
					BoardDecision.APPROVED, "Approved by the board", List.of(), LocalDate.of(2015, 4, 1)));
		assertThat(events.stream(CommissioningLevelChanged.class)).isEmpty();

		clock.set(Instant.parse("2015-03-31T23:00:00Z"));
		assertThat(goLive.goLiveDue()).as("this and any other approval going live that day").isPositive();

		assertThat(events.stream(CommissioningLevelChanged.class).filter(changed -> "51A".equals(changed.ccgCode())))
			.singleElement()
			.isEqualTo(new CommissioningLevelChanged("51A", CommissioningLevel.DELEGATED, LocalDate.of(2015, 4, 1),
					draft.id()));
		assertThat(events.stream(ApplicationTransitioned.class)
			.filter(moved -> moved.applicationId() == draft.id())
			.map(ApplicationTransitioned::transition)).containsExactly(
				Transition.SUBMIT, Transition.START_REVIEW, Transition.RECOMMEND, Transition.DECIDE, Transition.GO_LIVE);
		assertThat(jdbc.sql("select actor from audit_event where action = 'COCOMMISSIONING_GO_LIVE' and entity_id = ?")
			.param(String.valueOf(draft.id())).query(String.class).list()).containsExactly(ActingAs.SYSTEM);
		assertThat(jdbc.sql("select actor from cocommissioning_status_history where application_id = ? and to_status = 'LIVE'")
			.param(draft.id()).query(String.class).list()).containsExactly(ActingAs.SYSTEM);
	}

	private ApplicationView complete(Round round, String ccg) {
		return as(users, "cc-ao-" + ccg.toLowerCase(), () -> {
			ApplicationView draft = CoCommissioningTestData.start(applications, round.id(), ccg, CommissioningLevel.DELEGATED);
			Map<Section, String> sections = new EnumMap<>(Section.class);
			for (Section section : Section.values()) {
				sections.put(section, "Our plan for " + section.label().toLowerCase());
			}
			int version = applications.saveSections(draft.id(), sections, draft.version());
			version = applications.setFunctions(draft.id(), Set.of("GP_CONTRACTS"), version);
			for (NewCommitteeMember member : CoCommissioningTestData.compliantCommittee()) {
				version = applications.addCommitteeMember(draft.id(), member, version);
			}
			return applications.application(draft.id());
		});
	}
}
