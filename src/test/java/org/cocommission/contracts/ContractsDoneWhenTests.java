package org.cocommission.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

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
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;
import org.cocommission.identity.UserDuties.DutyGrant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * the 2014/15 payments file (crafted from the published excerpt) and finds a practice's contract and its payments
 * against its peers; a list closure in a CCG at greater involvement runs to the area team's decision; a two-practice
 * merger in a CCG delegated from 1 April 2015 goes on its primary care commissioning committee's agenda, where the GP
 * member who is a partner of the closing practice is found conflicted and cannot vote, the rest stay quorate and
 * approve it; both decisions are in the public register, the committee's in the published minutes and the governance
 * decisions register, and the closing practice's successor is in the directory.
 */
@SpringBootTest(properties = "cocommission.test.context=contracts-done-when")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractsDoneWhenTests {

	private static final String PASSWORD = "contracts-done-when-password";

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
	 * Area team Q44 over CCG 01C (N81632, N81112; delegated from 1 April 2015) and CCG 02D (N81013; greater
	 * involvement). 01C's governance lead set up its committee earlier, with Dr School House, a partner of N81112.
	 */
	@BeforeAll
	void directoryUsersAndCommittee(@Autowired DirectoryImports imports, @Autowired UserAccounts accounts,
			@Autowired UserDuties duties) throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q44", "CHESHIRE, WARRINGTON AND WIRRAL", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("01C", "NHS EASTERN CHESHIRE CCG", "Y01", "Q44")
				+ organisation("02D", "NHS VALE ROYAL CCG", "Y01", "Q44"));
		importOds(imports, OdsFile.EPRACCUR, practice("N81632", "BROKEN CROSS SURGERY", "01C")
				+ practice("N81112", "THE SCHOOL HOUSE SURGERY", "01C") + practice("N81013", "HIGH STREET SURGERY", "02D"));
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date) values ('01C', 'DELEGATED', ?)")
			.param(LocalDate.of(2015, 4, 1))
			.update();
		accounts.create(new NewUser("dw-area-q44", "Area team contract manager", null, Role.AREA_TEAM, "Q44", PASSWORD));
		accounts.create(new NewUser("dw-ccg-01c", "Governance lead 01C", null, Role.CCG, "01C", PASSWORD));
		accounts.create(new NewUser("dw-practice-n81632", "Practice manager", null, Role.PRACTICE, "N81632", PASSWORD));
		duties.grantAtStartUp(List.of(new DutyGrant("dw-ccg-01c", Duty.GOVERNANCE_LEAD, "01C")));
		areaTeam = SignIn.session(mvc, "dw-area-q44", PASSWORD);
		ccgLead = SignIn.session(mvc, "dw-ccg-01c", PASSWORD);
		practice = SignIn.session(mvc, "dw-practice-n81632", PASSWORD);
		ActingAs.system(() -> {
			members = governance.addPeople("01C", List.of(person("Lay Chair", MemberRole.LAY_MEMBER),
					person("Lay Member", MemberRole.LAY_MEMBER), person("Dr School House", MemberRole.GP_MEMBER),
					person("Dr Other", MemberRole.GP_MEMBER), person("Finance Director", MemberRole.EXECUTIVE),
					person("Commissioning Director", MemberRole.EXECUTIVE)));
			partner = members.get(2);
			governance.addLink("01C", partner, new GovernanceRequests.NewLink(LinkRelationship.PARTNER, "N81112", null,
					null, LocalDate.of(2010, 4, 1), null));
			long committee = governance.createCommittee("01C", new GovernanceRequests.NewCommittee(
					"Primary care commissioning committee", CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 4, 1, 1, 1,
					null, null, members.get(0), members.get(1),
					members.stream().map(id -> new GovernanceRequests.CommitteeMember(id, null)).toList()));
			meeting = governance.createMeeting("01C", new GovernanceRequests.NewMeeting(committee,
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
				"NHS-payments-to-general-practice-2014-15.csv", "text/csv", resource("payments-14-15.csv")))
			.param("year", "2014/15")
			.cookie(areaTeam)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("import-committed"), containsString("N81021"))));
		// the register is fed from the year after the import's commit, in the background: wait for it
		payments.feedRegister();

		// and finds a practice's contract, and its payments against its CCG, England's PMS practices and their tenths
		mvc.perform(get("/contracts").param("practice", "n8163").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/contracts/practices/N81632")));
		mvc.perform(get("/contracts/practices/N81632").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("BROKEN CROSS SURGERY"), containsString("Against its peers"),
					containsString("£124.39"), containsString("(01C)"), containsString("tenth of PMS practices"))));
		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "practice").cookie(areaTeam))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("N81632"), containsString("N81112"))));

		// a list closure in 02D (greater involvement): the area team acknowledges and decides it
		long closure = caseFrom(mvc.perform(post("/contracts/practices/N81013/cases").cookie(areaTeam)
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

		// a merger in 01C, applied for by the surviving practice, for its delegated committee
		long merger = caseFrom(mvc.perform(post("/contracts/practices/N81632/cases").cookie(practice)
			.param("kind", "MERGER")
			.param("title", "Broken Cross and School House merge")
			.param("receivedOn", "2015-05-01")
			.param("otherPracticeCode", "N81112")
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
			.andExpect(jsonPath("$.items[0].conflicts[0].name").value("Dr School House"))
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
			.content("{\"personId\":" + partner + ",\"interest\":\"Partner of The School House Surgery\","
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
				.value("NHS England area team CHESHIRE, WARRINGTON AND WIRRAL"))
			.andExpect(jsonPath("$[?(@.caseId == " + merger + ")].decidedBy")
				.value("Primary care commissioning committee (01C)"));
		mvc.perform(get("/public/contracts/decisions"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Merger approved from 1 October 2015"),
					containsString("two GPs retiring"))));
		// the committee's decision in its published minutes and the governance decisions register, the partner excluded
		mvc.perform(get("/api/v1/public/governance/meetings/" + meeting + "/minutes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("APPROVED"))
			.andExpect(jsonPath("$.items[0].votes[?(@.personId == " + partner + ")]").isEmpty());
		mvc.perform(get("/api/v1/public/governance/decisions").param("ccg", "01C"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("Dr School House (Partner of The School House Surgery): left for the item")));
		// and the merged practice's successor in the directory
		mvc.perform(get("/organisations/N81112"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Predecessors and successors"), containsString("N81632"))));
		mvc.perform(get("/api/v1/contracts/practices/N81112").cookie(areaTeam))
			.andExpect(jsonPath("$.endDate").value("2015-09-30"));
		assertThat(jdbc.sql("select count(*) from contracts_case where status = 'APPROVED'").query(Long.class).single())
			.isEqualTo(2);
	}

	private static long caseFrom(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ContractsDoneWhenTests.class.getResourceAsStream("/contracts/" + name)) {
			return in.readAllBytes();
		}
	}

	private static GovernanceRequests.NewPerson person(String name, MemberRole role) {
		return new GovernanceRequests.NewPerson(name, role, null, null, null, LocalDate.of(2014, 1, 1));
	}
}
