package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.applications.AttachmentTypesTests;
import org.cocommission.cocommissioning.applications.Attachments;
import org.cocommission.cocommissioning.levels.GoLive;
import org.cocommission.cocommissioning.national.NationalView;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.QuorumRule;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;
import static org.cocommission.cocommissioning.CoCommissioningTestData.audited;

/** The workflow through the services, on the real database: deadlines, scope, completeness, locking, go-live. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClock.Configuration.class)
class ApplicationWorkflowTests {

	private static final AtomicInteger ROUNDS = new AtomicInteger();

	private static final Instant DEADLINE = Instant.parse("2015-01-09T12:00:00Z");

	private final Rounds rounds;

	private final Applications applications;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final GoLive goLive;

	private final CommissioningLevels levels;

	private final List<OrganisationFacts> facts;

	private final Governance governance;

	private final UserDetailsService users;

	private final MutableClock clock;

	private final DirectoryImports imports;

	@org.springframework.beans.factory.annotation.Autowired
	private Attachments attachments;

	private final JdbcClient jdbc;

	private final NationalView national;

	@Autowired
	ApplicationWorkflowTests(Rounds rounds, Applications applications, ApplicationWorkflow workflow, Reviews reviews,
			GoLive goLive, CommissioningLevels levels, List<OrganisationFacts> facts, Governance governance,
			UserDetailsService users, MutableClock clock, JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts,
			UserDuties duties, NationalView national) {
		this.national = national;
		this.imports = imports;
		this.rounds = rounds;
		this.applications = applications;
		this.workflow = workflow;
		this.reviews = reviews;
		this.goLive = goLive;
		this.levels = levels;
		this.facts = facts;
		this.governance = governance;
		this.users = users;
		this.clock = clock;
		this.jdbc = jdbc;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@BeforeEach
	void beforeTheDeadline() {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
	}

	@Test
	void submitsOneSecondBeforeTheDeadlineInLondonButNotOneSecondAfter() {
		Round round = newRound();
		ApplicationView early = complete(round, "50A");
		ApplicationView late = complete(round, "50B");
		clock.set(DEADLINE.minusSeconds(1));
		assertThat(as(users, "cc-ao-50a", () -> workflow.submit(early.id(), "Signed off", early.version())).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);
		clock.set(DEADLINE.plusSeconds(1));
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> workflow.submit(late.id(), "Signed off", late.version())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("The deadline for applications passed on 9 January 2015 at 12:00:00 (UK time)");

		as(users, "cc-national", () -> {
			rounds.reopenWindow(round.id(), "50B", DEADLINE.plusSeconds(3600), "Board papers delayed by the area team");
			return null;
		});
		assertThat(as(users, "cc-ao-50b", () -> workflow.submit(late.id(), "Signed off", late.version())).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(rounds.windowFor(round.id(), "50A").closesAt()).isEqualTo(DEADLINE);
	}

	@Test
	void eachLevelIsSubmittedByItsOwnDeadlineAsIn2015() {
		NewRound base = CoCommissioningTestData.round("Per-level round " + ROUNDS.incrementAndGet());
		Round round = as(users, "cc-national", () -> rounds.create(new NewRound(base.name(), base.levels(),
				base.eoiDeadline(), java.time.LocalDateTime.of(2015, 1, 30, 12, 0), base.goLiveOn(), base.scoreMin(),
				base.scoreMax(), base.criteria(), Map.of(CommissioningLevel.DELEGATED, java.time.LocalDateTime.of(2015, 1, 9, 12, 0)))));
		ApplicationView delegated = complete(round, "50A");
		ApplicationView joint = complete(round, "50B", CommissioningLevel.JOINT);
		clock.set(DEADLINE.plusSeconds(1));
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> workflow.submit(delegated.id(), "Go", delegated.version())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("The deadline for applications passed on 9 January 2015 at 12:00:00 (UK time)");
		assertThat(as(users, "cc-ao-50b", () -> workflow.submit(joint.id(), "Go", joint.version())).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(rounds.windowFor(round.id(), "50B", CommissioningLevel.JOINT).closesAt())
			.isEqualTo(Instant.parse("2015-01-30T12:00:00Z"));
		as(users, "cc-national", () -> {
			rounds.reopenWindow(round.id(), "50A", DEADLINE.plusSeconds(3600), "Delegated budget figures were late");
			return null;
		});
		assertThat(as(users, "cc-ao-50a", () -> workflow.submit(delegated.id(), "Go", delegated.version())).status())
			.isEqualTo(ApplicationStatus.SUBMITTED);
	}

	/**
	 * Issue 22, defect 4: an application was started after the expressions-of-interest deadline. Expressions of
	 * interest for 2015/16 were due at 17:00 in London on 20 June 2014 (British Summer Time: 16:00 UTC).
	 */
	@Test
	void expressionsOfInterestCloseAtTheirDeadlineInLondonAndReopenForOneCcgWithARecordedReason() {
		NewRound base = CoCommissioningTestData.round("Interest round " + ROUNDS.incrementAndGet());
		Round round = as(users, "cc-national", () -> rounds.create(new NewRound(base.name(), base.levels(),
				java.time.LocalDateTime.of(2014, 6, 20, 17, 0), base.applicationDeadline(), base.goLiveOn(),
				base.scoreMin(), base.scoreMax(), base.criteria(), Map.of())));
		clock.set(Instant.parse("2014-06-20T16:00:00Z"));
		assertThat(as(users, "cc-ao-50a", () -> applications.expressInterest(round.id(), "50A",
				CommissioningLevel.DELEGATED)).level()).isEqualTo(CommissioningLevel.DELEGATED);
		clock.set(Instant.parse("2014-06-20T16:00:01Z"));
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> applications.expressInterest(round.id(), "50B",
				CommissioningLevel.JOINT)))
			.hasMessage("Expressions of interest closed on 20 June 2014 at 17:00 (UK time); ask NHS England to re-open"
					+ " them for your CCG");
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> applications.start(round.id(), "50B",
				CommissioningLevel.JOINT)))
			.hasMessageStartingWith("Express interest first");

		as(users, "cc-national", () -> {
			rounds.reopenInterestWindow(round.id(), "50B", Instant.parse("2014-06-27T16:00:00Z"),
					"The governing body met after the deadline");
			return null;
		});
		as(users, "cc-ao-50b", () -> applications.expressInterest(round.id(), "50B", CommissioningLevel.JOINT));
		assertThat(as(users, "cc-ao-50b", () -> applications.start(round.id(), "50B", CommissioningLevel.JOINT)).status())
			.isEqualTo(ApplicationStatus.DRAFT);
		assertThat(rounds.interestWindowFor(round.id(), "50A").closesAt()).isEqualTo(Instant.parse("2014-06-20T16:00:00Z"));
		assertThat(rounds.windowFor(round.id(), "50B").closesAt()).as("the application window is not re-opened")
			.isEqualTo(round.applicationDeadline());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'COCOMMISSIONING_INTEREST_WINDOW_REOPENED'"
				+ " and entity_id = ?").param(String.valueOf(round.id())).query(Integer.class).single()).isEqualTo(1);
		assertThat(audited(jdbc, "COCOMMISSIONING_ROUND", round.id(), "COCOMMISSIONING_INTEREST_WINDOW_REOPENED",
				"COCOMMISSIONING_INTEREST_EXPRESSED"))
			.containsExactly("COCOMMISSIONING_INTEREST_EXPRESSED - {\"level\": \"DELEGATED\", \"round\": \"" + round.name() + "\"}",
					"COCOMMISSIONING_INTEREST_WINDOW_REOPENED {\"deadline\": \"2014-06-20T16:00:00Z\"}"
							+ " {\"reason\": \"The governing body met after the deadline\", \"openUntil\": \"2014-06-27T16:00:00Z\"}",
					"COCOMMISSIONING_INTEREST_EXPRESSED - {\"level\": \"JOINT\", \"round\": \"" + round.name() + "\"}");

		clock.set(round.applicationDeadline().plusSeconds(1));
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> applications.start(round.id(), "50A",
				CommissioningLevel.DELEGATED)))
			.hasMessageStartingWith("Full applications for delegated commissioning closed on 9 January 2015 at 12:00");
	}

	/** Issue 22: the committee's chair could not be changed, nor an attachment removed, before submission. */
	@Test
	void theChairChangesAndAnAttachmentIsRemovedUntilSubmissionButNotAfter() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50B", CommissioningLevel.JOINT);
		long bob = draft.committee().stream().filter(m -> m.name().equals("Bob Lay")).findFirst().orElseThrow().id();
		int chaired = as(users, "cc-ao-50b", () -> applications.makeChair(draft.id(), bob, draft.version()));
		int attached = as(users, "cc-ao-50b", () -> attachments.attach(draft.id(), "plan.pdf", AttachmentTypesTests.pdf(),
				chaired));
		ApplicationView withFile = as(users, "cc-ao-50b", () -> applications.application(draft.id()));
		assertThat(withFile.committee()).filteredOn(ApplicationView.CommitteeMember::chair)
			.extracting(ApplicationView.CommitteeMember::name)
			.containsExactly("Bob Lay");
		long file = withFile.attachments().get(0).id();
		int removed = as(users, "cc-ao-50b", () -> attachments.remove(draft.id(), file, attached));
		assertThat(as(users, "cc-ao-50b", () -> applications.application(draft.id())).attachments()).isEmpty();
		assertThat(audited(jdbc, "COCOMMISSIONING_APPLICATION", draft.id(), "COCOMMISSIONING_ATTACHMENT_ADDED",
				"COCOMMISSIONING_ATTACHMENT_REMOVED", "COCOMMISSIONING_COMMITTEE_CHAIR_CHANGED"))
			.containsExactly("COCOMMISSIONING_COMMITTEE_CHAIR_CHANGED - {\"chair\": \"Bob Lay\"}",
					"COCOMMISSIONING_ATTACHMENT_ADDED - {\"bytes\": 36, \"fileName\": \"plan.pdf\", \"attachment\": " + file + "}",
					"COCOMMISSIONING_ATTACHMENT_REMOVED {\"fileName\": \"plan.pdf\", \"attachment\": " + file + "} -");

		ApplicationView submitted = as(users, "cc-ao-50b", () -> workflow.submit(draft.id(), "Signed off", removed));
		long ann = submitted.committee().stream().filter(m -> m.name().equals("Ann Lay")).findFirst().orElseThrow().id();
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> applications.makeChair(draft.id(), ann, submitted.version())))
			.hasMessageContaining("can no longer be changed");
	}

	@Test
	void onlyANationalUserReopensTheWindowAndOnlyWithAReason() {
		Round round = newRound();
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> {
			rounds.reopenWindow(round.id(), "50A", DEADLINE.plusSeconds(60), "Because");
			return null;
		})).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-national", () -> {
			rounds.reopenWindow(round.id(), "50A", DEADLINE.plusSeconds(60), " ");
			return null;
		})).hasMessage("Give the reason for re-opening the window");
	}

	@Test
	void namesWhatIsMissingAndTheCommitteeRuleTheGovernanceModuleBreaks() {
		Round round = newRound();
		ApplicationView draft = as(users, "cc-ao-50a", () -> CoCommissioningTestData.start(applications, round.id(), "50A", CommissioningLevel.DELEGATED));
		int version = as(users, "cc-ao-50a", () -> applications.addCommitteeMember(draft.id(),
				new NewCommitteeMember("Dr Chair", MemberRole.GP_MEMBER, true, true), draft.version()));
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> workflow.submit(draft.id(), "Go", version)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Integration of care outside hospital: describe")
			.hasMessageContaining("Functions requested: choose at least one function")
			.hasMessageContaining("Proposed committee: The chair must be a lay member; Dr Chair");
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> applications.setFunctions(draft.id(),
				Set.of("PERFORMANCE_MANAGEMENT"), version)))
			.hasMessageContaining("is reserved to NHS England");
	}

	@Test
	void refusesSubmissionWhileGoverningBodyDeclarationsAreOverdueAndNamesThePeople() {
		Round round = newRound();
		ApplicationView draft = complete(round, "51A");
		long person = governance.addPerson("51A", new GovernanceRequests.NewPerson("Gail Governor", MemberRole.LAY_MEMBER,
				null, "Lay member", null, LocalDate.of(2014, 1, 6)));
		governance.createCommittee("51A", new GovernanceRequests.NewCommittee("Governing body", CommitteeKind.GOVERNING_BODY,
				1, 0, 0, 0, null, null, person, null, List.of(new GovernanceRequests.CommitteeMember(person, null))));
		assertThatThrownBy(() -> as(users, "cc-ao-51a", () -> workflow.submit(draft.id(), "Go", draft.version())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("overdue for governing body members: Gail Governor");
	}

	@Test
	void onlyTheCcgsAccountableOfficerSubmitsAndNobodyActsOutsideTheirScope() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50A");
		assertThatThrownBy(() -> as(users, "cc-plain-50a", () -> workflow.submit(draft.id(), "Go", draft.version())))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("Only 50A's accountable officer may submit its application");
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> workflow.submit(draft.id(), "Go", draft.version())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> applications.application(draft.id())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> applications.saveSection(draft.id(), Section.STANDARDS, "x",
				draft.version()))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-practice", () -> applications.application(draft.id())))
			.isInstanceOf(AccessDeniedException.class);
		ApplicationView submitted = as(users, "cc-ao-50a", () -> workflow.submit(draft.id(), "Go", draft.version()));
		assertThatThrownBy(() -> as(users, "cc-area-q51", () -> workflow.startReview(draft.id(), "Mine", submitted.version())))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as(users, "cc-area-q50", () -> applications.application(draft.id())).ccgName()).isEqualTo("NHS ALPHA CCG");
	}

	@Test
	void aSecondEditOnTheSameVersionIsRefusedWithAClearConflictAndLosesNothing() {
		Round round = newRound();
		ApplicationView draft = as(users, "cc-ao-50a", () -> CoCommissioningTestData.start(applications, round.id(), "50A", CommissioningLevel.JOINT));
		int next = as(users, "cc-ao-50a", () -> applications.saveSection(draft.id(), Section.INTEGRATION, "First writer",
				draft.version()));
		assertThatThrownBy(() -> as(users, "cc-plain-50a", () -> applications.saveSection(draft.id(), Section.INTEGRATION,
				"Second writer", draft.version())))
			.isInstanceOf(OptimisticLockingFailureException.class)
			.hasMessageContaining("Someone else changed this application");
		ApplicationView stored = as(users, "cc-ao-50a", () -> applications.application(draft.id()));
		assertThat(stored.sections().get(Section.INTEGRATION)).isEqualTo("First writer");
		assertThat(stored.version()).isEqualTo(next);
	}

	@Test
	void goesFromDraftToLiveAndTheCcgsLevelChangesOnTheGoLiveDate() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50A");
		ApplicationView submitted = as(users, "cc-ao-50a", () -> workflow.submit(draft.id(), "Signed", draft.version()));
		ApplicationView reviewing = as(users, "cc-area-q50", () -> workflow.startReview(submitted.id(), "Starting", submitted.version()));
		ApplicationView asked = as(users, "cc-area-q50", () -> workflow.requestInformation(reviewing.id(),
				"Send the finance plan", reviewing.version()));
		int answered = as(users, "cc-ao-50a", () -> applications.saveSection(asked.id(), Section.STANDARDS,
				"Standards with finance plan", asked.version()));
		ApplicationView back = as(users, "cc-ao-50a", () -> workflow.returnInformation(asked.id(), "Plan added", answered));
		int scored = as(users, "cc-area-q50", () -> reviews.score(back.id(), round.criteria().get(0).id(), 4, "Strong",
				back.version()));
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.score(back.id(), round.criteria().get(1).id(), 5, "",
				scored))).hasMessageContaining("from 0 to 4");
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.recommend(back.id(),
				Recommendation.APPROVE_WITH_CONDITIONS, "Sound, subject to training", scored)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Complete part 2");
		int assured = as(users, "cc-area-q50", () -> reviews.recordPart2(back.id(), true, true, true, "Rita Reviewer", scored));
		ApplicationView recommended = as(users, "cc-area-q50", () -> reviews.recommend(back.id(),
				Recommendation.APPROVE_WITH_CONDITIONS, "Sound, subject to training", assured));
		assertThat(recommended.part2().declarationName()).isEqualTo("Rita Reviewer");
		ApplicationView decided = as(users, "cc-national", () -> reviews.decide(recommended.id(),
				BoardDecision.APPROVED_WITH_CONDITIONS, "Approved by the board", List.of("Conflicts training by June"),
				recommended.version()));
		assertThat(decided.conditions()).singleElement().satisfies(c -> assertThat(c.discharged()).isFalse());

		// Issue 22, defect 3: once the board approves, the CCG's directory page says what changes and when.
		assertThat(facts.stream()
			.map(f -> f.factsFor("50A", LocalDate.of(2015, 3, 1)))
			.flatMap(java.util.Optional::stream)
			.filter(s -> s.title().equals("Primary care commissioning"))
			.findFirst()
			.orElseThrow()
			.facts())
			.anySatisfy(f -> {
				assertThat(f.value()).isEqualTo("Greater involvement");
				assertThat(f.current()).isTrue();
				assertThat(f.to()).isEqualTo(LocalDate.of(2015, 3, 31));
			})
			.anySatisfy(f -> {
				assertThat(f.value()).isEqualTo("Delegated commissioning from 1 April 2015");
				assertThat(f.current()).isFalse();
			});

		clock.set(Instant.parse("2015-03-31T22:59:59Z"));
		assertThat(goLive.goLiveDue()).isZero();
		assertThat(levels.levelOn("50A", LocalDate.of(2015, 4, 1))).isEqualTo(CommissioningLevel.GREATER_INVOLVEMENT);
		clock.set(Instant.parse("2015-03-31T23:00:00Z"));
		assertThat(goLive.goLiveDue()).as("this and any other approval of a round going live that day").isPositive();
		assertThat(goLive.goLiveDue()).as("idempotent").isZero();
		assertThat(levels.levelOn("50A", LocalDate.of(2015, 4, 1))).isEqualTo(CommissioningLevel.DELEGATED);
		assertThat(levels.levelOn("50A", LocalDate.of(2015, 3, 31))).isEqualTo(CommissioningLevel.GREATER_INVOLVEMENT);

		ApplicationView live = as(users, "cc-area-q50", () -> applications.application(decided.id()));
		assertThat(live.status()).isEqualTo(ApplicationStatus.LIVE);
		assertThat(live.history()).extracting(ApplicationView.HistoryLine::to).containsExactly(ApplicationStatus.DRAFT,
				ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.INFORMATION_REQUESTED,
				ApplicationStatus.UNDER_REVIEW, ApplicationStatus.RECOMMENDED, ApplicationStatus.DECIDED,
				ApplicationStatus.LIVE);
		assertThat(live.history().get(live.history().size() - 1).comment()).isEqualTo("Went live on 1 April 2015");
		assertThatThrownBy(() -> jdbc.sql("delete from cocommissioning_status_history where application_id = ?")
			.param(live.id()).update()).hasMessageContaining("append-only");

		as(users, "cc-area-q50", () -> {
			reviews.dischargeCondition(live.id(), live.conditions().get(0).id(), "Training held on 3 June",
					live.conditions().get(0).version());
			return null;
		});
		assertThat(as(users, "cc-area-q50", () -> applications.application(live.id())).conditions().get(0).discharged())
			.isTrue();
		// What the audit trail keeps of each step, field by field (ApplicationTransitioned.Recorded and the like).
		assertThat(audited(jdbc, "COCOMMISSIONING_APPLICATION", live.id(), "COCOMMISSIONING_APPLICATION_STARTED",
				"COCOMMISSIONING_SUBMIT", "COCOMMISSIONING_START_REVIEW", "COCOMMISSIONING_REQUEST_INFORMATION",
				"COCOMMISSIONING_RETURN_INFORMATION", "COCOMMISSIONING_SCORED", "COCOMMISSIONING_RECOMMEND",
				"COCOMMISSIONING_DECIDE", "COCOMMISSIONING_GO_LIVE", "COCOMMISSIONING_CONDITION_DISCHARGED"))
			.containsExactly(
					"COCOMMISSIONING_APPLICATION_STARTED - {\"level\": \"DELEGATED\", \"round\": \"" + round.name() + "\"}",
					"COCOMMISSIONING_SUBMIT {\"status\": \"DRAFT\"} {\"status\": \"SUBMITTED\", \"comment\": \"Signed\"}",
					"COCOMMISSIONING_START_REVIEW {\"status\": \"SUBMITTED\"} {\"status\": \"UNDER_REVIEW\", \"comment\": \"Starting\"}",
					"COCOMMISSIONING_REQUEST_INFORMATION {\"status\": \"UNDER_REVIEW\"}"
							+ " {\"status\": \"INFORMATION_REQUESTED\", \"comment\": \"Send the finance plan\"}",
					"COCOMMISSIONING_RETURN_INFORMATION {\"status\": \"INFORMATION_REQUESTED\"}"
							+ " {\"status\": \"UNDER_REVIEW\", \"comment\": \"Plan added\"}",
					"COCOMMISSIONING_SCORED - {\"score\": 4, \"criterion\": \"Integration of care\"}",
					"COCOMMISSIONING_RECOMMEND {\"status\": \"UNDER_REVIEW\"} {\"status\": \"RECOMMENDED\","
							+ " \"comment\": \"Sound, subject to training\", \"recommendation\": \"APPROVE_WITH_CONDITIONS\"}",
					"COCOMMISSIONING_DECIDE {\"status\": \"RECOMMENDED\"} {\"status\": \"DECIDED\", \"comment\": \"Approved by the board\","
							+ " \"decision\": \"APPROVED_WITH_CONDITIONS\", \"conditions\": [\"Conflicts training by June\"]}",
					"COCOMMISSIONING_GO_LIVE {\"status\": \"DECIDED\"} {\"from\": \"2015-04-01\", \"level\": \"DELEGATED\", \"status\": \"LIVE\"}",
					"COCOMMISSIONING_CONDITION_DISCHARGED {\"condition\": \"Conflicts training by June\"}"
							+ " {\"note\": \"Training held on 3 June\"}");

		OrganisationFacts.FactSection section = facts.stream()
			.map(f -> f.factsFor("50A", LocalDate.of(2015, 5, 1)))
			.flatMap(java.util.Optional::stream)
			.filter(s -> s.title().equals("Primary care commissioning"))
			.findFirst()
			.orElseThrow();
		assertThat(section.facts()).anySatisfy(f -> {
			assertThat(f.value()).isEqualTo("Delegated commissioning");
			assertThat(f.current()).isTrue();
		});
		assertThat(section.facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo("GP contracts of its 3 member practices"));
		jdbc.sql("delete from cocommissioning_level where application_id = ?").param(live.id()).update();
	}

	@Test
	void everyCcgsDirectoryPageShowsItsLevelTodayEvenWithNoArrangementAndAPracticeShowsNone() {
		// A CCG of its own: the others have arrangements from other tests on this database.
		org.cocommission.directory.OdsTestFiles.importOds(imports, org.cocommission.directory.OdsFile.ECCG,
				org.cocommission.directory.OdsTestFiles.organisation("52Z", "NHS ZETA CCG", "Y50", "Q50"));
		assertThat(facts.stream()
			.map(f -> f.factsFor("52Z", LocalDate.of(2016, 6, 1)))
			.flatMap(java.util.Optional::stream)
			.filter(s -> s.title().equals("Primary care commissioning"))
			.findFirst()
			.orElseThrow()
			.facts()).singleElement().satisfies(f -> {
				assertThat(f.label()).isEqualTo("Level on 1 June 2016");
				assertThat(f.value()).isEqualTo("Greater involvement");
				assertThat(f.current()).isTrue();
			});
		assertThat(facts.stream().map(f -> f.factsFor("P50001", LocalDate.of(2016, 6, 1))).flatMap(java.util.Optional::stream)
			.filter(s -> s.title().equals("Primary care commissioning"))).isEmpty();
	}

	@Test
	void aRoundStartsWithTheTypicalQuorumAndTheQuorumANationalUserSetsIsTheOneApplicationsAreCheckedAgainst() {
		Round round = newRound();
		assertThat(round.quorum()).isEqualTo(new QuorumRule(3, 1, 1, 1, true));
		ApplicationView complete = complete(round, "50A");
		Round stricter = as(users, "cc-national", () -> rounds.setQuorum(round.id(), 4, 1, 2, 1, round.version()));
		assertThat(stricter.quorum()).isEqualTo(new QuorumRule(4, 1, 2, 1, true));
		assertThat(as(users, "cc-ao-50a", () -> applications.application(complete.id())).committeeProblems())
			.anySatisfy(p -> assertThat(p).contains("GP"));
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> workflow.submit(complete.id(), "Go", complete.version())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Proposed committee:");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'COCOMMISSIONING_QUORUM_SET' and entity_type = 'COCOMMISSIONING_ROUND' and entity_id = ?")
			.param(String.valueOf(round.id())).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void onlyANationalUserSetsTheQuorumAndAStaleEditIsRefused() {
		Round round = newRound();
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> rounds.setQuorum(round.id(), 3, 1, 1, 1, round.version())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-national", () -> rounds.setQuorum(round.id(), 2, 1, 1, 1, round.version())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("exceed the minimum voting members present");
		as(users, "cc-national", () -> rounds.setQuorum(round.id(), 3, 1, 1, 1, round.version()));
		assertThatThrownBy(() -> as(users, "cc-national", () -> rounds.setQuorum(round.id(), 5, 2, 1, 1, round.version())))
			.isInstanceOf(OptimisticLockingFailureException.class)
			.hasMessageContaining("Someone else changed this round's quorum");
	}

	@Test
	void partTwoIsTheAreaTeamsAndApprovalNeedsEveryThresholdMet() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50B");
		ApplicationView submitted = as(users, "cc-ao-50b", () -> workflow.submit(draft.id(), "Signed", draft.version()));
		ApplicationView reviewing = as(users, "cc-area-q50", () -> workflow.startReview(submitted.id(), "Start", submitted.version()));
		assertThatThrownBy(() -> as(users, "cc-ao-50b", () -> reviews.recordPart2(reviewing.id(), true, true, true, "Me",
				reviewing.version()))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-area-q51", () -> reviews.recordPart2(reviewing.id(), true, true, true, "Me",
				reviewing.version()))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.recordPart2(reviewing.id(), true, true, true, " ",
				reviewing.version()))).hasMessage("Sign the area team's declaration: enter your full name");
		int assured = as(users, "cc-area-q50", () -> reviews.recordPart2(reviewing.id(), true, false, true, "Rita Reviewer",
				reviewing.version()));
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.recordPart2(reviewing.id(), true, true, true,
				"Rita Reviewer", reviewing.version()))).isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.recommend(reviewing.id(), Recommendation.APPROVE,
				"Sound", assured)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Part 2 does not support approval: the conflicts of interest thresholds are not met");
		ApplicationView refused = as(users, "cc-area-q50", () -> reviews.recommend(reviewing.id(),
				Recommendation.DO_NOT_APPROVE, "Conflicts of interest thresholds not met", assured));
		assertThat(refused.status()).isEqualTo(ApplicationStatus.RECOMMENDED);
		assertThat(refused.part2().conflictsThresholdsMet()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'COCOMMISSIONING_PART2_RECORDED' and entity_id = ?")
			.param(String.valueOf(reviewing.id())).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aJointApplicationHasNoPartTwo() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50A", CommissioningLevel.JOINT);
		ApplicationView submitted = as(users, "cc-ao-50a", () -> workflow.submit(draft.id(), "Signed", draft.version()));
		ApplicationView reviewing = as(users, "cc-area-q50", () -> workflow.startReview(submitted.id(), "Start", submitted.version()));
		assertThatThrownBy(() -> as(users, "cc-area-q50", () -> reviews.recordPart2(reviewing.id(), true, true, true, "Me",
				reviewing.version()))).hasMessage("Part 2 is for delegated applications only");
		assertThat(as(users, "cc-area-q50", () -> reviews.recommend(reviewing.id(), Recommendation.APPROVE, "Sound",
				reviewing.version())).status()).isEqualTo(ApplicationStatus.RECOMMENDED);
	}

	@Test
	void aReviewWithoutARecommendation28DaysAfterSubmissionIsOverdue() {
		Round round = newRound();
		ApplicationView draft = complete(round, "50B");
		as(users, "cc-ao-50b", () -> workflow.submit(draft.id(), "Signed off", draft.version()));
		Instant submitted = clock.instant();
		clock.set(submitted.plusSeconds(28 * 86_400));
		assertThat(as(users, "cc-national", national::overdue)).extracting(NationalView.OverdueReview::applicationId)
			.doesNotContain(draft.id());
		clock.set(submitted.plusSeconds(29 * 86_400));
		assertThat(as(users, "cc-national", national::overdue)).filteredOn(r -> r.applicationId() == draft.id())
			.singleElement()
			.satisfies(review -> assertThat(review.daysWaiting()).isEqualTo(29));
	}

	private Round newRound() {
		return as(users, "cc-national", () -> rounds.create(CoCommissioningTestData.round("Workflow round " + ROUNDS.incrementAndGet())));
	}

	/** A complete delegated application of the CCG, written by its accountable officer. */
	private ApplicationView complete(Round round, String ccg) {
		return complete(round, ccg, CommissioningLevel.DELEGATED);
	}

	private ApplicationView complete(Round round, String ccg, CommissioningLevel level) {
		String username = "cc-ao-" + ccg.toLowerCase();
		return as(users, username, () -> {
			ApplicationView draft = CoCommissioningTestData.start(applications, round.id(), ccg, level);
			Map<Section, String> sections = new EnumMap<>(Section.class);
			for (Section section : Section.values()) {
				sections.put(section, "Our plan for " + section.label().toLowerCase());
			}
			int version = applications.saveSections(draft.id(), sections, draft.version());
			version = applications.setFunctions(draft.id(), Set.of("GP_CONTRACTS", "PRACTICE_MERGERS"), version);
			for (NewCommitteeMember member : CoCommissioningTestData.compliantCommittee()) {
				version = applications.addCommitteeMember(draft.id(), member, version);
			}
			ApplicationView complete = applications.application(draft.id());
			assertThat(complete.missing()).isEmpty();
			return complete;
		});
	}
}
