package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.directory.Succession;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.Vote;
import org.cocommission.contracts.cases.CaseReminders;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Role;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * Contract changes decided by whoever held the power on the day: a merger in a CCG delegated from 1 April 2015,
 * decided by its primary care commissioning committee with the closing practice's partner excluded, and a list
 * closure in a CCG at greater involvement, decided by the area team. Everything as the system, so that the rules and
 * not the access checks are what is tested.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractCasesScenarioTests {

	private static final LocalDate GO_LIVE = LocalDate.of(2015, 4, 1);

	@Autowired
	ContractCases cases;

	@Autowired
	Commissioners commissioners;

	@Autowired
	ContractRegister register;

	@Autowired
	Governance governance;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	/**
	 * CCG 99A (N82001, N82002) delegated from 1 April 2015 to 31 March 2017; CCG 01J (N84001) never. The register is
	 * fed from the 2014/15 excerpt's rows as theirs, for 2015/16 (a year of this class's own, {@link ContractsFixture}).
	 */
	@BeforeAll
	void directoryContractsAndLevels(@Autowired DirectoryImports imports, @Autowired ContractsFixture fixture) {
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q48", "MERSEYSIDE", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("99A", "NHS LIVERPOOL CCG", "Y01", "Q48")
				+ organisation("01J", "NHS KNOWSLEY CCG", "Y01", "Q48"));
		importOds(imports, OdsFile.EPRACCUR, practice("N82001", "PRINCES PARK HEALTH CENTRE", "99A")
				+ practice("N82002", "BROWNLOW GROUP PRACTICE", "99A") + practice("N84001", "KNOWSLEY VILLAGE SURGERY", "01J"));
		fixture.importPayments(new FinancialYear(2015), ContractsFixture.payments2014To15As(Map.of(
				"Q44,\"Cheshire, Warrington and Wirral\",01C,Eastern Cheshire", "Q48,Merseyside,99A,Liverpool",
				"N81632,Broken Cross Surgery", "N82001,Princes Park Health Centre",
				"N81112,The School House Surgery", "N82002,Brownlow Group Practice",
				"N81013,High Street Surgery Macclesfield", "N84001,Knowsley Village Surgery",
				"N81021,Mcilvride Medical Practice", "N82099,Mossley Hill Surgery")));
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date) values ('99A', 'DELEGATED', ?),"
				+ " ('99A', 'GREATER_INVOLVEMENT', ?)").params(GO_LIVE, LocalDate.of(2017, 4, 1)).update();
	}

	@Test
	void theDecisionMakerFollowsTheCcgsLevelOnTheDay() {
		assertThat(commissioners.on("N82001", GO_LIVE.minusDays(1)).body())
			.isEqualTo(ResponsibleCommissioner.Body.AREA_TEAM);
		assertThat(commissioners.on("N82001", GO_LIVE).body())
			.isEqualTo(ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE);
		assertThat(commissioners.on("N82001", LocalDate.of(2017, 3, 31)).body())
			.isEqualTo(ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE);
		assertThat(commissioners.on("N82001", LocalDate.of(2017, 4, 1)).body())
			.isEqualTo(ResponsibleCommissioner.Body.AREA_TEAM);
		assertThat(commissioners.on("N84001", GO_LIVE).label())
			.isEqualTo("NHS England area team MERSEYSIDE");
	}

	@Test
	void aMergerGoesToTheDelegatedCommitteeWhichExcludesTheConflictedPartnerAndDecidesIt() {
		ActingAs.system(() -> {
			List<Long> people = governance.addPeople("99A", List.of(
					person("Lay Chair", MemberRole.LAY_MEMBER), person("Lay Member", MemberRole.LAY_MEMBER),
					person("Dr Brownlow", MemberRole.GP_MEMBER), person("Dr Other", MemberRole.GP_MEMBER),
					person("Finance Director", MemberRole.EXECUTIVE), person("Commissioning Director", MemberRole.EXECUTIVE)));
			long partner = people.get(2);
			// a partner of the closing practice, which gains from the merger
			governance.addLink("99A", partner, new GovernanceRequests.NewLink(LinkRelationship.PARTNER, "N82002", null, null,
					LocalDate.of(2010, 4, 1), null));
			long committee = governance.createCommittee("99A", new GovernanceRequests.NewCommittee(
					"Primary care commissioning committee", CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 4, 1, 1, 1,
					null, null, people.get(0), people.get(1),
					people.stream().map(id -> new GovernanceRequests.CommitteeMember(id, null)).toList()));
			long meeting = governance.createMeeting("99A", new GovernanceRequests.NewMeeting(committee,
					LocalDate.of(2015, 6, 10), "June meeting", List.of()));

			long merger = cases.open("N82001", new NewCase(CaseKind.MERGER, "Princes Park and Brownlow merge",
					LocalDate.of(2015, 5, 1), "N82002", LocalDate.of(2015, 10, 1), null, null, false, "Business case attached"));
			assertThat(cases.get(merger).decideBy()).isEqualTo(LocalDate.of(2015, 10, 1));
			assertThatThrownBy(() -> cases.decide(merger, 0, true, "Approved", LocalDate.of(2015, 6, 10)))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("primary care commissioning committee");

			long item = cases.placeOnAgenda(merger, 0, meeting);

			var onAgenda = governance.meeting(meeting).items().stream().filter(i -> i.id() == item).findFirst().orElseThrow();
			assertThat(onAgenda.conflicts()).extracting(c -> c.personId()).containsExactly(partner);
			governance.recordAttendance(meeting, new GovernanceRequests.Attendance(people));
			assertThatThrownBy(() -> governance.vote(item, new GovernanceRequests.CastVote(partner, Vote.FOR)))
				.isInstanceOf(RuntimeException.class);
			governance.recordVotes(item, people.stream().filter(id -> id != partner)
				.map(id -> new GovernanceRequests.CastVote(id, Vote.FOR)).toList());
			int version = governance.meeting(meeting).items().get(0).version();
			governance.recordOutcome(item, new GovernanceRequests.Outcome(ItemStatus.APPROVED,
					"Merger approved from 1 October 2015", null, version));

			ContractCase decided = cases.get(merger);
			assertThat(decided.status()).isEqualTo(CaseStatus.APPROVED);
			assertThat(decided.decidedBy()).isEqualTo("Primary care commissioning committee (99A)");
			assertThat(decided.decidedOn()).isEqualTo(LocalDate.of(2015, 6, 10));
			assertThat(register.get("N82002").endDate()).isEqualTo(LocalDate.of(2015, 9, 30));
			assertThat(register.get("N82001").listSize()).isEqualTo(5707 + 4597);
			assertThat(register.get("N82001").history()).first()
				.satisfies(entry -> assertThat(entry.change()).startsWith("Merger with N82002"));
			// the closing practice's successor in the directory, dated the merger's effective day
			assertThat(directory.successors("N82002")).singleElement().satisfies(successor -> {
				assertThat(successor.code()).isEqualTo("N82001");
				assertThat(successor.effectiveDate()).isEqualTo(LocalDate.of(2015, 10, 1));
			});
			assertThat(directory.predecessors("N82001")).extracting(Succession::code).containsExactly("N82002");
			// the national view counts it in its region, as decided by a delegated CCG's committee
			assertThat(cases.decisionsByRegion()).anySatisfy(region -> {
				assertThat(region.regionCode()).isEqualTo("Y01");
				assertThat(region.byDelegatedCommittee()).isGreaterThanOrEqualTo(1);
				assertThat(region.decided()).isEqualTo(region.approved() + region.refused());
			});
			assertThat(cases.decisions(10)).anySatisfy(decision -> {
				assertThat(decision.caseId()).isEqualTo(merger);
				assertThat(decision.practiceName()).isEqualTo("PRINCES PARK HEALTH CENTRE");
			});
			assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CONTRACTS_CASE' and entity_id = ?")
				.param(String.valueOf(merger)).query(Long.class).single()).isEqualTo(3);
			return null;
		});
	}

	@Test
	void aListClosureInACcgAtGreaterInvolvementIsDecidedByTheAreaTeamAndARefusalBarsANewOneForThreeMonths() {
		ActingAs.system(() -> {
			long closure = cases.open("N84001", closure(LocalDate.of(2015, 10, 2), false));
			ContractCase opened = cases.get(closure);
			assertThat(opened.acknowledgeBy()).isEqualTo(LocalDate.of(2015, 10, 9));
			assertThat(opened.decideBy()).isEqualTo(LocalDate.of(2015, 10, 23));
			assertThat(opened.overdue(LocalDate.of(2015, 10, 10))).isTrue();

			cases.acknowledge(closure, 0, LocalDate.of(2015, 10, 5));
			assertThat(cases.get(closure).overdue(LocalDate.of(2015, 10, 10))).isFalse();
			cases.decide(closure, 1, false, "Refused: the list is not growing", LocalDate.of(2015, 10, 23));

			ContractCase refused = cases.get(closure);
			assertThat(refused.status()).isEqualTo(CaseStatus.REFUSED);
			assertThat(refused.decidedBy()).isEqualTo("NHS England area team MERSEYSIDE");
			assertThat(refused.history()).extracting(ContractCase.Event::statusTo)
				.containsExactly(CaseStatus.RECEIVED, CaseStatus.ACKNOWLEDGED, CaseStatus.REFUSED);
			assertThatThrownBy(() -> cases.open("N84001", closure(LocalDate.of(2016, 1, 22), false)))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("no new application before 2016-01-23");
			cases.open("N84001", closure(LocalDate.of(2016, 1, 22), true));
			cases.open("N84001", closure(LocalDate.of(2016, 1, 23), false));
			return null;
		});
	}

	@Test
	void aRemedialNoticeGivesAtLeast28Days() {
		ActingAs.system(() -> {
			assertThatThrownBy(() -> cases.open("N84001", new NewCase(CaseKind.REMEDIAL_NOTICE, "Breach of access hours",
					LocalDate.of(2015, 6, 1), null, null, null, LocalDate.of(2015, 6, 28), false, null)))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("remedy by 2015-06-29 or later");
			long notice = cases.open("N84001", new NewCase(CaseKind.REMEDIAL_NOTICE, "Breach of access hours",
					LocalDate.of(2015, 6, 1), null, null, null, LocalDate.of(2015, 6, 29), false, null));
			assertThat(cases.get(notice).decideBy()).isEqualTo(LocalDate.of(2015, 6, 29));
			return null;
		});
	}

	@Test
	void theOwnerIsRemindedBeforeAClockRunsOutAndTheAreaTeamToldOnceItHas(@Autowired ContractsFixture fixture,
			@Autowired UserDetailsService users, @Autowired CaseReminders reminders) throws Exception {
		fixture.user("owner-01j", "Owner", "owner@ccg.example", Role.CCG, "01J");
		fixture.user("area-q48", "Area team", "area@nhs.example", Role.AREA_TEAM, "Q48");
		LocalDate received = LocalDate.of(2025, 3, 3);
		// the escalations of the other open cases, long overdue, go first: what is counted below is this case's
		ActingAs.system(() -> reminders.queue(received));
		long id = ActingAs.as(users, "owner-01j", () -> cases.open("N84001", closure(received, true)));

		ActingAs.system(() -> {
			assertThat(reminders.queue(received.plusDays(3))).isZero();
			assertThat(reminders.queue(received.plusDays(4))).isEqualTo(1);
			assertThat(reminders.queue(received.plusDays(5))).isZero();
			assertThat(reminders.queue(received.plusDays(8))).isEqualTo(1);
			assertThat(reminders.queue(received.plusDays(9))).isZero();
			return null;
		});

		assertThat(jdbc.sql("select recipient from notification_notice where link = ? order by id")
			.param("/contracts/cases/" + id).query(String.class).list())
			.containsExactly("owner-01j", "owner-01j", "area-q48");
		assertThat(jdbc.sql("select recipient from notification_email_outbox where deduplication_key like ? order by id")
			.param("contracts-case-" + id + "-%").query(String.class).list())
			.containsExactly("owner@ccg.example", "owner@ccg.example", "area@nhs.example");
	}

	private static NewCase closure(LocalDate received, boolean circumstancesChanged) {
		return new NewCase(CaseKind.LIST_CLOSURE, "List closure for six months", received, null,
				received.plusMonths(1).withDayOfMonth(1), received.plusMonths(7).withDayOfMonth(1).minusDays(1), null,
				circumstancesChanged, null);
	}

	private static GovernanceRequests.NewPerson person(String name, MemberRole role) {
		return new GovernanceRequests.NewPerson(name, role, null, null, null, LocalDate.of(2014, 1, 1));
	}
}
