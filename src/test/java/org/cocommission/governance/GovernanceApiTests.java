package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.governance.GovernanceFixture.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rules through the JSON API: conflicts, handling, quoracy, votes, access and bad input. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GovernanceFixture.class)
class GovernanceApiTests {

	private static final LocalDate MEETING = LocalDate.of(2015, 6, 10);

	private final MockMvc mvc;

	private final Governance governance;

	private final JdbcClient jdbc;

	private final GovernanceFixture fixture;

	private GovernanceFixture.Committee committee;

	@Autowired
	GovernanceApiTests(MockMvc mvc, Governance governance, JdbcClient jdbc, GovernanceFixture fixture) {
		this.mvc = mvc;
		this.governance = governance;
		this.jdbc = jdbc;
		this.fixture = fixture;
	}

	@BeforeEach
	void committee() {
		fixture.directoryAndUsers();
		committee = fixture.committee(String.valueOf(System.nanoTime()));
	}

	private long meeting(String... practices) {
		List<AffectedOrganisation> affected = java.util.Arrays.stream(practices)
			.map(code -> new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, code, null))
			.toList();
		long id = governance.createMeeting("01A", new NewMeeting(committee.id(), MEETING, "June meeting",
				List.of(new NewItem("Practice merger", ItemKind.DECISION, false, affected))));
		return id;
	}

	private long firstItem(long meeting) {
		return governance.meeting(meeting).items().get(0).id();
	}

	private ResultActions postJson(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void findsDirectAndIndirectConflictsOnTheMeetingDateWithTheirHandling() throws Exception {
		long meeting = meeting("G10001");

		mvc.perform(get("/api/v1/governance/meetings/" + meeting).with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].conflicts", hasSize(2)))
			.andExpect(jsonPath("$.items[0].conflicts[0].personId").value(committee.partner()))
			.andExpect(jsonPath("$.items[0].conflicts[0].requiredHandling").value("LEAVE_FOR_ITEM"))
			.andExpect(jsonPath("$.items[0].conflicts[0].interests", containsString("Partner at G10001")))
			.andExpect(jsonPath("$.items[0].conflicts[1].personId").value(committee.spouseGp()))
			.andExpect(jsonPath("$.items[0].conflicts[1].requiredHandling").value("MAY_NOT_VOTE"))
			.andExpect(jsonPath("$.items[0].quorum.quorate").value(true))
			.andExpect(jsonPath("$.items[0].quorum.votersPresent").value(5));
	}

	@Test
	void refusesAVoteFromAMemberWhoMustNotVoteAndTakesOneFromAnother() throws Exception {
		long item = firstItem(meeting("G10001"));

		postJson("lead-01a", "/api/v1/governance/items/" + item + "/votes",
				"{\"personId\":" + committee.partner() + ",\"vote\":\"FOR\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("may not vote on this item")));
		postJson("lead-01a", "/api/v1/governance/items/" + item + "/votes",
				"{\"personId\":" + committee.healthwatch() + ",\"vote\":\"FOR\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("non-voting")));
		postJson("lead-01a", "/api/v1/governance/items/" + item + "/votes",
				"{\"personId\":" + committee.otherGp() + ",\"vote\":\"FOR\"}")
			.andExpect(status().isNoContent());

		assertThat(governance.meeting(governance.meeting(meetingOf(item)).id()).items().get(0).votes())
			.extracting(GovernanceViews.VoteView::personId)
			.containsExactly(committee.otherGp());
	}

	private long meetingOf(long item) {
		return jdbc.sql("select meeting_id from governance_agenda_item where id = ?").param(item).query(Long.class).single();
	}

	@Test
	void whenExclusionsLeaveNoGpTheItemCanOnlyBeDeferredOrReferred() throws Exception {
		long meeting = meeting("G10001", "G10002");
		long item = firstItem(meeting);
		assertThat(governance.meeting(meeting).items().get(0).quorum().shortfalls())
			.containsExactly("0 GP members; at least 1 needed");

		postJson("lead-01a", "/api/v1/governance/items/" + item + "/outcome",
				"{\"outcome\":\"APPROVED\",\"decision\":\"Merger approved\",\"version\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("only be deferred or referred")));
		postJson("lead-01a", "/api/v1/governance/items/" + item + "/outcome",
				"{\"outcome\":\"REFERRED\",\"decision\":\"Referred for want of a GP\",\"referredTo\":\"Area team panel\",\"version\":0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFERRED"))
			.andExpect(jsonPath("$.conflicts[0].recordedHandling").value("LEAVE_FOR_ITEM"));
	}

	@Test
	void quoracyCountsOnlyMembersPresent() throws Exception {
		long meeting = meeting("G10001");
		postJson("lead-01a", "/api/v1/governance/meetings/" + meeting + "/attendance",
				"{\"present\":[" + committee.layChair() + "," + committee.partner() + "," + committee.otherGp() + ","
						+ committee.executive() + "]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].quorum.quorate").value(false))
			.andExpect(jsonPath("$.items[0].quorum.shortfalls[0]").value("3 voting members able to vote; at least 4 needed"));
	}

	@Test
	void aPersonChangesOnlyTheirOwnDeclarationsAndTheLeadChangesTheRegisters() throws Exception {
		String declaration = "{\"category\":\"NON_FINANCIAL_PROFESSIONAL\",\"description\":\"Trustee of a local carers' charity\","
				+ "\"bodyName\":\"Carers Trust Tees\",\"from\":\"2014-05-01\"}";
		postJson("gp-01a", "/api/v1/governance/ccgs/01A/people/" + committee.partner() + "/declarations", declaration)
			.andExpect(status().isOk());
		postJson("gp-01a", "/api/v1/governance/ccgs/01A/people/" + committee.otherGp() + "/declarations", declaration)
			.andExpect(status().isForbidden());
		postJson("plain-01a", "/api/v1/governance/ccgs/01A/people/" + committee.otherGp() + "/declarations", declaration)
			.andExpect(status().isForbidden());
		postJson("lead-01a", "/api/v1/governance/ccgs/01A/people/" + committee.otherGp() + "/declarations", declaration)
			.andExpect(status().isOk());
		postJson("plain-01a", "/api/v1/governance/ccgs/01A/people", "{\"name\":\"X\",\"role\":\"LAY_MEMBER\"}")
			.andExpect(status().isForbidden());
		postJson("lead-01b", "/api/v1/governance/ccgs/01A/people", "{\"name\":\"X\",\"role\":\"LAY_MEMBER\"}")
			.andExpect(status().isForbidden());
	}

	@Test
	void thePublicSeesOnlyPublishedNonSensitiveEntriesAndAnotherCcgSeesNothingUnpublished() throws Exception {
		long id = governance.declare("01A", committee.nurse(), new GovernanceRequests.NewDeclaration(
				InterestCategory.NON_FINANCIAL_PERSONAL, "Sensitive personal interest " + committee.id(), null,
				"Private body", LocalDate.of(2014, 1, 1), null, null));
		postJson("lead-01a", "/api/v1/governance/ccgs/01A/declarations/" + id + "/sensitivity",
				"{\"sensitive\":true,\"reason\":\"Personal safety\",\"version\":0}")
			.andExpect(status().isForbidden());
		postJson("guardian-01a", "/api/v1/governance/ccgs/01A/declarations/" + id + "/sensitivity",
				"{\"sensitive\":true,\"reason\":\"Personal safety\",\"version\":0}")
			.andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/public/governance/ccgs/01A/register"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.declarations[?(@.id == " + id + ")]").isEmpty())
			.andExpect(jsonPath("$.people").isEmpty());
		mvc.perform(get("/api/v1/governance/ccgs/01A/register").with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(jsonPath("$.declarations[?(@.id == " + id + ")].sensitiveReason").value("Personal safety"))
			.andExpect(jsonPath("$.declarations[?(@.id == " + id + ")].sensitiveDecidedBy").value("guardian-01a"));
		mvc.perform(get("/api/v1/governance/ccgs/01A/register").with(httpBasic("lead-01b", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/governance/meetings/" + meeting("G10001")).with(httpBasic("lead-01b", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/governance/ccgs/01A/register")).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'MARKED_SENSITIVE' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badInputGetsAClearMessageAndChangesNothing() throws Exception {
		long before = jdbc.sql("select count(*) from governance_declaration").query(Long.class).single();
		String path = "/api/v1/governance/ccgs/01A/people/" + committee.otherGp() + "/declarations";

		postJson("lead-01a", path, "{\"category\":\"FINANCIAL\",\"description\":\"Shares\",\"organisationCode\":\"ZZ9999\",\"from\":\"2014-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("No organisation has the code ZZ9999"));
		postJson("lead-01a", path, "{\"category\":\"FINANCIAL\",\"description\":\"Shares\",\"organisationCode\":\"G10002\",\"from\":\"2014-01-01\",\"to\":\"2013-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("An interest cannot end (2013-01-01) before it starts (2014-01-01)"));
		postJson("lead-01b", "/api/v1/governance/ccgs/01B/people/" + committee.otherGp() + "/declarations",
				"{\"category\":\"FINANCIAL\",\"description\":\"Shares\",\"organisationCode\":\"G20001\",\"from\":\"2014-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("belongs to CCG 01A, not 01B")));
		postJson("lead-01a", "/api/v1/governance/ccgs/01A/meetings",
				"{\"committeeId\":" + committee.id() + ",\"heldOn\":\"2015-06-10\",\"title\":\"Bad\",\"items\":[{\"title\":\"X\",\"kind\":\"DECISION\",\"affected\":[{\"kind\":\"PRACTICE\",\"organisationCode\":\"ZZ9999\"}]}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("No organisation has the code ZZ9999"));

		postJson("lead-01a", "/api/v1/governance/ccgs/01A/people",
				"{\"name\":\"Wrong account\",\"role\":\"LAY_MEMBER\",\"username\":\"lead-01b\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Account lead-01b belongs to 01B, not 01A"));

		assertThat(jdbc.sql("select count(*) from governance_declaration").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from governance_person where name = 'Wrong account'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from governance_meeting where title = 'Bad'").query(Long.class).single()).isZero();
	}

	@Test
	void aDeclarationOnTheDayIsRecordedWithItsHandlingAndNoWeakerThanTheRegistersRequire() throws Exception {
		long meeting = meeting("G10002");
		long item = firstItem(meeting);

		postJson("lead-01a", "/api/v1/governance/items/" + item + "/declarations",
				"{\"personId\":" + committee.otherGp() + ",\"interest\":\"Partner\",\"handling\":\"DECLARE_ONLY\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("leave for the item")));
		postJson("lead-01a", "/api/v1/governance/items/" + item + "/declarations",
				"{\"personId\":" + committee.director() + ",\"interest\":\"Sister is the practice manager\",\"handling\":\"MAY_NOT_VOTE\"}")
			.andExpect(status().isNoContent());
		postJson("lead-01a", "/api/v1/governance/items/" + item + "/votes",
				"{\"personId\":" + committee.director() + ",\"vote\":\"FOR\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("may not vote")));

		mvc.perform(get("/api/v1/governance/meetings/" + meeting).with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(jsonPath("$.items[0].conflicts[?(@.personId == " + committee.director() + ")].onTheDay").value(true))
			.andExpect(jsonPath("$.items[0].conflicts[?(@.personId == " + committee.director() + ")].recordedHandling")
				.value("MAY_NOT_VOTE"));
	}

	@Test
	void aPrimaryCareCommitteeNeedsALayChair() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> governance.createCommittee("01A",
				new GovernanceRequests.NewCommittee("PCC", CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 3, 1, 1, 1,
						null, null, committee.otherGp(),
						null, List.of(new GovernanceRequests.CommitteeMember(committee.otherGp(), null)))))
			.hasMessageContaining("The chair must be a lay member");
	}

	@Test
	void overdueDeclarationsAreFlaggedAndGiftsAssessed() throws Exception {
		mvc.perform(get("/api/v1/governance/ccgs/01A/people").with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + committee.layMember() + ")].overdue").value(true))
			.andExpect(jsonPath("$[?(@.id == " + committee.layMember() + ")].dueOn").value("2014-01-29"));
		postJson("lead-01a", "/api/v1/governance/ccgs/01A/people/" + committee.layMember() + "/nil-return", "")
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/governance/ccgs/01A/people").with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(jsonPath("$[?(@.id == " + committee.layMember() + ")].overdue").value(false));

		postJson("lead-01a", "/api/v1/governance/ccgs/01A/people/" + committee.executive() + "/gifts",
				"{\"kind\":\"HOSPITALITY\",\"fromSupplier\":false,\"offeredBy\":\"Acme Ltd\",\"description\":\"Dinner\","
						+ "\"value\":{\"pounds\":80},\"offeredOn\":\"2015-05-01\",\"accepted\":true,\"seniorApproval\":false}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/governance/ccgs/01A/gifts").with(httpBasic("lead-01a", PASSWORD)))
			.andExpect(jsonPath("$[?(@.offeredBy == 'Acme Ltd')].acceptanceAllowed").value(false));
	}
}
