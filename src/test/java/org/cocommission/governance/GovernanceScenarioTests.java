package org.cocommission.governance;

import jakarta.servlet.http.Cookie;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.SignIn;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Done when": a CCG governance lead, in the browser, sets up a committee meeting about a practice merger, sees at
 * once which GP members are conflicted and whether the meeting is quorate, records the outcome, and sees it in the
 * public decisions register.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GovernanceFixture.class)
class GovernanceScenarioTests {

	private final MockMvc mvc;

	private final Governance governance;

	private final GovernanceFixture fixture;

	@Autowired
	GovernanceScenarioTests(MockMvc mvc, Governance governance, GovernanceFixture fixture) {
		this.mvc = mvc;
		this.governance = governance;
		this.fixture = fixture;
	}

	@Test
	void aGovernanceLeadSetsUpAMergerMeetingSeesTheConflictsRecordsTheOutcomeAndThePublicSeesIt() throws Exception {
		fixture.directoryAndUsers();
		// The people and their links are on the registers; the lead sets up the committee and its meeting on the pages.
		List<Long> people = fixture.people("scenario");
		long layChair = people.get(0);
		long partner = people.get(2);
		long otherGp = people.get(3);
		Cookie session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);

		mvc.perform(get("/governance").cookie(session)).andExpect(redirectedUrl("/governance/ccgs/01A"));
		mvc.perform(get("/governance/ccgs/01A").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Set up a committee"), containsString("Set up a meeting"))));
		mvc.perform(get("/governance/ccgs/01A/committees/new").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dr Partner scenario (GP member)")));
		String[] members = people.stream().map(String::valueOf).toArray(String[]::new);
		mvc.perform(post("/governance/ccgs/01A/committees").cookie(session).with(csrf())
			.param("name", "Primary care commissioning committee scenario")
			.param("kind", "PRIMARY_CARE_COMMISSIONING_COMMITTEE")
			.param("members", members)
			.param("chairId", String.valueOf(partner))
			.param("minVotingPresent", "4").param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("The chair must be a lay member; Dr Partner scenario is a GP member"))));
		assertThat(governance.committees("01A")).noneMatch(c -> c.name().endsWith("scenario"));
		mvc.perform(post("/governance/ccgs/01A/committees").cookie(session).with(csrf())
			.param("name", "Primary care commissioning committee scenario")
			.param("kind", "PRIMARY_CARE_COMMISSIONING_COMMITTEE")
			.param("members", members)
			.param("chairId", String.valueOf(layChair))
			.param("viceChairId", String.valueOf(people.get(1)))
			.param("minVotingPresent", "4").param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(redirectedUrl("/governance/ccgs/01A#committees"));
		long committeeId = governance.committees("01A").stream()
			.filter(c -> c.name().equals("Primary care commissioning committee scenario"))
			.findFirst()
			.orElseThrow()
			.id();
		mvc.perform(get("/governance/ccgs/01A").cookie(session))
			.andExpect(content().string(containsString("Chair: Lay Chair scenario; vice-chair: Lay Member scenario.")));

		mvc.perform(get("/governance/ccgs/01A/meetings/new").param("practiceQuery", "high street").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("G10001")));

		mvc.perform(post("/governance/ccgs/01A/meetings").cookie(session).with(csrf())
			.param("committeeId", String.valueOf(committeeId))
			.param("heldOn", "2015-06-10")
			.param("title", "Merger meeting")
			.param("itemTitle", "Merger of High Street Surgery and Market Square Practice")
			.param("itemKind", "DECISION")
			.param("practiceCodes", "ZZ9999"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No organisation has the code ZZ9999")));

		String location = mvc.perform(post("/governance/ccgs/01A/meetings").cookie(session).with(csrf())
			.param("committeeId", String.valueOf(committeeId))
			.param("heldOn", "2015-06-10")
			.param("title", "Merger meeting")
			.param("itemTitle", "Merger of High Street Surgery into Market Square Practice")
			.param("itemKind", "DECISION")
			.param("practiceCodes", "G10001"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long meetingId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		mvc.perform(get(location).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Dr Partner scenario (GP member)"),
					containsString("Leave for the item, may not vote"), containsString("Dr Spouse scenario (GP member)"),
					containsString("May stay for the discussion, may not vote"),
					containsString("Quorate after exclusions: 5 voting members able to vote."))))
			.andExpect(content().string(not(containsString("Dr Other scenario (GP member)"))));

		long itemId = governance.meeting(meetingId).items().get(0).id();
		mvc.perform(post("/governance/meetings/" + meetingId + "/items/" + itemId + "/votes").cookie(session).with(csrf())
			.param("personId", String.valueOf(partner))
			.param("vote", "FOR"))
			.andExpect(GovernanceFixture.refused("voteForm", "personId", containsString("may not vote on this item")));
		mvc.perform(post("/governance/meetings/" + meetingId + "/items/" + itemId + "/votes").cookie(session).with(csrf())
			.param("personId", String.valueOf(otherGp))
			.param("vote", "FOR"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post("/governance/meetings/" + meetingId + "/items/" + itemId + "/outcome").cookie(session).with(csrf())
			.param("outcome", "APPROVED")
			.param("decision", "Merger approved from 1 October 2015")
			.param("version", "0"))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("saved", true));

		mvc.perform(get("/governance/meetings/" + meetingId + "/minutes").cookie(session))
			.andExpect(content().string(allOf(containsString("Dr Partner scenario declared"),
					containsString("Leave for the item, may not vote"), containsString("Vote: 1 for, 0 against"),
					containsString("<span>Dr Other scenario (for)</span>"))));
		// The public, signed out, finds it in the decisions register.
		mvc.perform(get("/public/governance/decisions").param("ccg", "01A"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Merger of High Street Surgery into Market Square Practice"),
					containsString("Approved: Merger approved from 1 October 2015"),
					containsString("left for the item"), containsString("stayed, did not vote"))));
		mvc.perform(get("/public/governance/meetings/" + meetingId + "/minutes")).andExpect(status().isNotFound());
		mvc.perform(post("/governance/meetings/" + meetingId + "/minutes/approval").cookie(session).with(csrf()))
			.andExpect(flash().attribute("minutesApproved", true));
		mvc.perform(get("/public/governance/meetings/" + meetingId + "/minutes")).andExpect(status().isOk());
		mvc.perform(get("/public/governance/decisions.csv").param("ccg", "01A"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Merger approved from 1 October 2015")));
		// Issue 22: public pages name the CCG; the decisions PDF is titled with the CCG and the date.
		mvc.perform(get("/public/governance/decisions").param("ccg", "01A"))
			.andExpect(content().string(containsString("NHS FIRST CCG (01A)")));
		mvc.perform(get("/public/governance/ccgs/01A/register"))
			.andExpect(content().string(containsString("NHS FIRST CCG (01A)")));
		byte[] pdf = mvc.perform(get("/public/governance/decisions.pdf").param("ccg", "01A"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("decisions-01A-" + governance.today())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		mvc.perform(get("/governance/ccgs/01A/register.pdf").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/governance/ccgs/01A/gifts.pdf").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/governance/ccgs/01A/register").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/governance/ccgs/01A/gifts").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/public/governance/ccgs/01A/register")).andExpect(status().isOk());
		mvc.perform(get("/public/governance/ccgs/01A/register.pdf")).andExpect(status().isOk());
	}

	@Test
	void theLeadAddsPeopleLinksAndGiftsOnThePagesAndBadInputComesBackWithItsMessage() throws Exception {
		fixture.directoryAndUsers();
		Cookie session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);
		mvc.perform(post("/governance/ccgs/01A/people").cookie(session).with(csrf())
			.param("name", "Page Person")
			.param("role", "LAY_MEMBER")
			.param("joinedOn", "2015-01-01")).andExpect(flash().attribute("saved", true));
		long person = governance.people("01A").stream().filter(p -> p.name().equals("Page Person")).findFirst().orElseThrow().id();
		mvc.perform(post("/governance/ccgs/01A/links").cookie(session).with(csrf())
			.param("person", String.valueOf(person))
			.param("relationship", "SHAREHOLDER")
			.param("organisationCode", "ZZ9999")
			.param("from", "2015-01-01")).andExpect(GovernanceFixture.refused("linkForm", "organisationCode", equalTo("No organisation has the code ZZ9999")));
		mvc.perform(post("/governance/ccgs/01A/gifts").cookie(session).with(csrf())
			.param("person", String.valueOf(person))
			.param("kind", "HOSPITALITY")
			.param("offeredBy", "Page Supplier Ltd")
			.param("description", "Dinner")
			.param("value", "80")
			.param("offeredOn", "2015-03-01")
			.param("accepted", "true")).andExpect(flash().attribute("saved", true));
		mvc.perform(get("/governance/ccgs/01A/gifts").cookie(session))
			.andExpect(content().string(allOf(containsString("Page Supplier Ltd"), containsString("£80.00"),
					containsString("Accepted but not allowed"))));
		mvc.perform(get("/governance/ccgs/01A/gifts.csv").cookie(session))
			.andExpect(content().string(containsString("Page Supplier Ltd")));
		mvc.perform(get("/governance/ccgs/01A/register.csv").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void anotherCcgAndTheAnonymousPublicCannotOpenTheUnpublishedPages() throws Exception {
		fixture.directoryAndUsers();
		Cookie other = SignIn.session(mvc, "lead-01b", GovernanceFixture.PASSWORD);

		mvc.perform(get("/governance/ccgs/01A").cookie(other)).andExpect(status().isForbidden());
		mvc.perform(get("/governance/ccgs/01A/register").cookie(other)).andExpect(status().isForbidden());
		mvc.perform(get("/governance/ccgs/01A/register.csv").cookie(other)).andExpect(status().isForbidden());
		mvc.perform(get("/governance/ccgs/01A/gifts").cookie(other)).andExpect(status().isForbidden());
		mvc.perform(get("/governance/ccgs/01A")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/governance/ccgs/01A/register")).andExpect(status().isOk());
	}

	@Test
	void anInquorateItemIsReferredOnThePageAndTheMinutesSayWhy() throws Exception {
		fixture.directoryAndUsers();
		var committee = fixture.committee("inquorate");
		long meeting = governance.createMeeting("01A", new GovernanceRequests.NewMeeting(committee.id(),
				java.time.LocalDate.of(2015, 7, 1), "July meeting", java.util.List.of(new GovernanceRequests.NewItem(
						"Merger of both practices", ItemKind.DECISION, true, java.util.List.of(
								new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, "G10001", null),
								new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, "G10002", null))))));
		long item = governance.meeting(meeting).items().get(0).id();
		Cookie session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);
		mvc.perform(post("/governance/meetings/" + meeting + "/attendance").cookie(session).with(csrf())
			.param("present", String.valueOf(committee.layChair()), String.valueOf(committee.partner()),
					String.valueOf(committee.otherGp()), String.valueOf(committee.executive()),
					String.valueOf(committee.nurse()))).andExpect(flash().attribute("saved", true));
		mvc.perform(get("/governance/meetings/" + meeting).cookie(session))
			.andExpect(content().string(allOf(containsString("Not quorate after exclusions"),
					containsString("0 GP members; at least 1 needed"))));
		mvc.perform(post("/governance/meetings/" + meeting + "/items/" + item + "/outcome").cookie(session).with(csrf())
			.param("outcome", "APPROVED").param("decision", "Approved").param("version", "0"))
			.andExpect(GovernanceFixture.refused("outcomeForm", "outcome", containsString("only be deferred or referred")));
		mvc.perform(post("/governance/meetings/" + meeting + "/items/" + item + "/outcome").cookie(session).with(csrf())
			.param("outcome", "REFERRED").param("decision", "Referred: too few GPs without a conflict")
			.param("referredTo", "Area team panel").param("version", "0"))
			.andExpect(flash().attribute("saved", true));

		mvc.perform(post("/governance/meetings/" + meeting + "/minutes/approval").cookie(session).with(csrf()))
			.andExpect(flash().attribute("minutesApproved", true));
		mvc.perform(get("/public/governance/meetings/" + meeting + "/minutes"))
			.andExpect(content().string(allOf(containsString("apologies"),
					containsString("not quorate for this item after exclusions"), containsString("Referred to Area team panel"))));
		mvc.perform(get("/public/governance/decisions").param("ccg", "01A").param("procurement", "true"))
			.andExpect(content().string(containsString("Merger of both practices")));
	}
}
