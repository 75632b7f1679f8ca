package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Duty;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserDuties;
import org.cocommission.identity.UserDuties.DutyGrant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17's "Done when", through the pages and the API as new users would: the area team's contract manager loads
 * a year's payments file (the published 2014/15 excerpt's rows as Bolton's, for 2016/17) and finds a practice's
 * contract and its payments against its peers; a list closure in a CCG at greater involvement runs to the area team's
 * decision; a two-practice merger in a CCG delegated from 1 April 2015 goes on its primary care commissioning
 * committee's agenda, where the GP member who is a partner of the closing practice is found conflicted and cannot vote,
 * the rest stay quorate and approve it; both decisions are in the public register, the committee's in the published
 * minutes and the governance decisions register, and the closing practice's successor is in the directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractsDoneWhenTests {

	@Autowired
	private Payments payments;

	@Autowired
	MockMvc mvc;

	@Autowired
	Governance governance;

	@Autowired
	JdbcClient jdbc;

	private Cookie areaTeam;

	private Cookie ccgLead;

	private Cookie practice;

	private long meeting;

	private long partner;

	private List<Long> members;

	/**
	 * Area team Q46 over CCG 00T (P82001, P82002; delegated from 1 April 2015) and CCG 01G (P87001; greater
	 * involvement). 00T's governance lead set up its committee earlier, with Dr Deane Road, a partner of P82002.
	 * The codes and the year are this class's own ({@link ContractsFixture}).
	 */
	@BeforeAll
	void directoryUsersAndCommittee(@Autowired DirectoryImports imports, @Autowired ContractsFixture fixture,
			@Autowired UserDuties duties) throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q46", "GREATER MANCHESTER", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("00T", "NHS BOLTON CCG", "Y01", "Q46")
				+ organisation("01G", "NHS SALFORD CCG", "Y01", "Q46"));
		importOds(imports, OdsFile.EPRACCUR, practice("P82001", "KEARSLEY MEDICAL CENTRE", "00T")
				+ practice("P82002", "DEANE ROAD SURGERY", "00T") + practice("P87001", "ECCLES HEALTH CENTRE", "01G"));
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date) values ('00T', 'DELEGATED', ?)")
			.param(LocalDate.of(2015, 4, 1))
			.update();
		fixture.user("dw-area-q46", "Area team contract manager", null, Role.AREA_TEAM, "Q46");
		fixture.user("dw-ccg-00t", "Governance lead 00T", null, Role.CCG, "00T");
		fixture.user("dw-practice-p82001", "Practice manager", null, Role.PRACTICE, "P82001");
		duties.grantAtStartUp(List.of(new DutyGrant("dw-ccg-00t", Duty.GOVERNANCE_LEAD, "00T")));
		areaTeam = SignIn.session(mvc, "dw-area-q46", ContractsFixture.PASSWORD);
		ccgLead = SignIn.session(mvc, "dw-ccg-00t", ContractsFixture.PASSWORD);
		practice = SignIn.session(mvc, "dw-practice-p82001", ContractsFixture.PASSWORD);
		ActingAs.system(() -> {
			members = governance.addPeople("00T", List.of(person("Lay Chair", MemberRole.LAY_MEMBER),
					person("Lay Member", MemberRole.LAY_MEMBER), person("Dr Deane Road", MemberRole.GP_MEMBER),
					person("Dr Other", MemberRole.GP_MEMBER), person("Finance Director", MemberRole.EXECUTIVE),
					person("Commissioning Director", MemberRole.EXECUTIVE)));
			partner = members.get(2);
			governance.addLink("00T", partner, new GovernanceRequests.NewLink(LinkRelationship.PARTNER, "P82002", null,
					null, LocalDate.of(2010, 4, 1), null));
			long committee = governance.createCommittee("00T", new GovernanceRequests.NewCommittee(
					"Primary care commissioning committee", CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 4, 1, 1, 1,
					null, null, members.get(0), members.get(1),
					members.stream().map(id -> new GovernanceRequests.CommitteeMember(id, null)).toList()));
			meeting = governance.createMeeting("00T", new GovernanceRequests.NewMeeting(committee,
					LocalDate.of(2015, 6, 10), "June meeting", List.of()));
			return null;
		});
	}

	@Test
	void anAreaTeamLoadsPaymentsAndCasesAreDecidedByWhoeverHeldThePowerThatDay() throws Exception {
		// the area team's contract manager loads the year's file on the imports page
		mvc.perform(get("/contracts").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import a payments file")));
		mvc.perform(multipart("/contracts/imports").file(new MockMultipartFile("file",
				"NHS-payments-to-general-practice-2016-17.csv", "text/csv", paymentsFile()))
			.param("year", "2016/17")
			.cookie(areaTeam)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("import-committed"), containsString("P82099"))));
		// the register is fed from the year after the import's commit, in the background: wait for it
		payments.feedRegister();

		// and finds a practice's contract, and its payments against its CCG, England's PMS practices and their tenths
		mvc.perform(get("/contracts").param("practice", "p8200").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/contracts/practices/P82001")));
		mvc.perform(get("/contracts/practices/P82001").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("KEARSLEY MEDICAL CENTRE"), containsString("Against its peers"),
					containsString("£124.39"), containsString("(00T)"), containsString("tenth of PMS practices"))));
		mvc.perform(get("/contracts/payments").param("year", "2016/17").param("level", "practice").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("P82001"), containsString("P82002"))));

		// a list closure in 01G (greater involvement): the area team acknowledges and decides it
		long closure = caseFrom(mvc.perform(post("/contracts/practices/P87001/cases").cookie(areaTeam)
			.param("kind", "LIST_CLOSURE")
			.param("title", "List closure for six months")
			.param("receivedOn", "2015-10-02")
			.param("startsOn", "2015-11-01")
			.param("endsOn", "2016-04-30")
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
		mvc.perform(post("/contracts/cases/" + closure + "/acknowledgement").cookie(areaTeam)
			.param("on", "2015-10-05")
			.param("version", "0")
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/contracts/cases/" + closure + "/decision").cookie(areaTeam)
			.param("approved", "true")
			.param("decidedOn", "2015-10-20")
			.param("decision", "Approved: two GPs retiring, the neighbouring practices agree")
			.param("version", "1")
			.with(csrf())).andExpect(status().is3xxRedirection());

		// a merger in 00T, applied for by the surviving practice, for its delegated committee
		long merger = caseFrom(mvc.perform(post("/contracts/practices/P82001/cases").cookie(practice)
			.param("kind", "MERGER")
			.param("title", "Kearsley and Deane Road merge")
			.param("receivedOn", "2015-05-01")
			.param("otherPracticeCode", "P82002")
			.param("startsOn", "2015-10-01")
			.param("details", "Business case: one site, a shared workforce")
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
		mvc.perform(post("/contracts/cases/" + merger + "/decision").cookie(areaTeam)
			.param("approved", "true")
			.param("decidedOn", "2015-06-10")
			.param("decision", "Approved")
			.param("version", "0")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("put the case on its meeting")));
		mvc.perform(get("/contracts/cases/" + merger).cookie(ccgLead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Primary care commissioning committee, 2015-06-10")));
		mvc.perform(post("/contracts/cases/" + merger + "/agenda").cookie(ccgLead)
			.param("meetingId", String.valueOf(meeting))
			.param("version", "0")
			.with(csrf())).andExpect(status().is3xxRedirection());

		// at the meeting: the partner of the closing practice is conflicted, and cannot vote
		String view = mvc.perform(get("/api/v1/governance/meetings/" + meeting).cookie(ccgLead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].conflicts[0].personId").value(partner))
			.andExpect(jsonPath("$.items[0].conflicts[0].name").value("Dr Deane Road"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long item = ((Number) JsonPath.read(view, "$.items[0].id")).longValue();
		mvc.perform(post("/api/v1/governance/meetings/" + meeting + "/attendance").cookie(ccgLead)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"present\":" + members + "}")
			.with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/v1/governance/items/" + item + "/declarations").cookie(ccgLead)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + partner + ",\"interest\":\"Partner of Deane Road Surgery\","
					+ "\"handling\":\"LEAVE_FOR_ITEM\"}")
			.with(csrf())).andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/governance/items/" + item + "/votes").cookie(ccgLead)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + partner + ",\"vote\":\"FOR\"}")
			.with(csrf())).andExpect(status().is4xxClientError());
		for (long member : members) {
			if (member != partner) {
				mvc.perform(post("/api/v1/governance/items/" + item + "/votes").cookie(ccgLead)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"personId\":" + member + ",\"vote\":\"FOR\"}")
					.with(csrf())).andExpect(status().isNoContent());
			}
		}
		// quorate without the partner: lay, GP and executive members left, lay and executive the majority
		String voted = mvc.perform(get("/api/v1/governance/meetings/" + meeting).cookie(ccgLead))
			.andExpect(jsonPath("$.items[0].quorum.quorate").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int version = JsonPath.read(voted, "$.items[0].version");
		mvc.perform(post("/api/v1/governance/items/" + item + "/outcome").cookie(ccgLead)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPROVED\",\"decision\":\"Merger approved from 1 October 2015\",\"version\":"
					+ version + "}")
			.with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/v1/governance/meetings/" + meeting + "/minutes/approval").cookie(ccgLead).with(csrf()))
			.andExpect(status().isOk());

		// each decided by the body that held the power that day, in the public register
		mvc.perform(get("/api/v1/public/contracts/decisions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.caseId == " + closure + ")].decidedBy")
				.value("NHS England area team GREATER MANCHESTER"))
			.andExpect(jsonPath("$[?(@.caseId == " + merger + ")].decidedBy")
				.value("Primary care commissioning committee (00T)"));
		mvc.perform(get("/public/contracts/decisions"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Merger approved from 1 October 2015"),
					containsString("two GPs retiring"))));
		// the committee's decision in its published minutes and the governance decisions register, the partner excluded
		mvc.perform(get("/api/v1/public/governance/meetings/" + meeting + "/minutes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("APPROVED"))
			.andExpect(jsonPath("$.items[0].votes[?(@.personId == " + partner + ")]").isEmpty());
		mvc.perform(get("/api/v1/public/governance/decisions").param("ccg", "00T"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("Dr Deane Road (Partner of Deane Road Surgery): left for the item")));
		// and the merged practice's successor in the directory
		mvc.perform(get("/organisations/P82002"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Predecessors and successors"), containsString("P82001"))));
		mvc.perform(get("/api/v1/contracts/practices/P82002").cookie(areaTeam))
			.andExpect(jsonPath("$.endDate").value("2015-09-30"));
		assertThat(jdbc.sql("select count(*) from contracts_case where status = 'APPROVED' and id in (?, ?)")
			.params(closure, merger).query(Long.class).single()).isEqualTo(2);
	}

	private static long caseFrom(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** The 2014/15 excerpt's rows as Bolton's practices' (P82099 in no directory). */
	private static byte[] paymentsFile() {
		return ContractsFixture.payments2014To15As(Map.of(
				"Q44,\"Cheshire, Warrington and Wirral\",01C,Eastern Cheshire", "Q46,Greater Manchester,00T,Bolton",
				"N81632,Broken Cross Surgery", "P82001,Kearsley Medical Centre",
				"N81112,The School House Surgery", "P82002,Deane Road Surgery",
				"N81013,High Street Surgery Macclesfield", "P87001,Eccles Health Centre",
				"N81021,Mcilvride Medical Practice", "P82099,Halliwell Surgery"));
	}

	private static GovernanceRequests.NewPerson person(String name, MemberRole role) {
		return new GovernanceRequests.NewPerson(name, role, null, null, null, LocalDate.of(2014, 1, 1));
	}
}
