package org.cocommission.governance.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.GovernanceViews;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserDuties;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How the governance pages and API read what is sent: Spring binds and checks each form, a refused one comes back with
 * each message on its field and nothing reaches the service; a service's refusal lands on the field it names.
 */
@WebMvcTest(controllers = { GovernancePageController.class, GovernanceApiController.class })
class GovernanceFormBindingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@MockitoBean
	Governance governance;

	@MockitoBean
	AccessPolicy policy;

	@MockitoBean
	UserDuties duties;

	@BeforeEach
	void signedInLead() {
		CurrentUser lead = new CurrentUser("lead-01a", "Lead", Role.CCG, "01A");
		when(policy.requireUser()).thenReturn(lead);
		when(policy.currentUser()).thenReturn(Optional.of(lead));
		when(governance.committees(anyString())).thenReturn(List.of());
	}

	@Test
	void aGiftWithAMistypedValueAndNoOfferComesBackWithBothMessagesAndIsNotRecorded() throws Exception {
		MvcResult posted = mvc.perform(post("/governance/ccgs/01a/gifts").with(user("lead-01a")).with(csrf())
			.param("person", "7").param("kind", "GIFT").param("description", "A pen").param("value", "ten pounds")
			.param("offeredOn", "2015-03-01"))
			.andExpect(redirectedUrl("/governance/ccgs/01A/gifts"))
			.andExpect(refusedAsTyped("giftForm", "value", "Enter the value in pounds, like 25.00"))
			.andExpect(GovernanceFixture.refused("giftForm", "offeredBy", equalTo("Enter who offered it")))
			.andReturn();
		BindingResult errors = (BindingResult) posted.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "giftForm");
		assertThat(errors.getFieldValue("description")).isEqualTo("A pen");
		verify(governance, never()).recordGift(anyString(), anyLong(), any());
	}

	@Test
	void aPersonWithAMistypedDateComesBackWithTheDateAsTyped() throws Exception {
		mvc.perform(post("/governance/ccgs/01A/people").with(user("lead-01a")).with(csrf())
			.param("name", "Dr Typed").param("role", "GP_MEMBER").param("joinedOn", "31/02/2015"))
			.andExpect(redirectedUrl("/governance/ccgs/01A"))
			.andExpect(refusedAsTyped("personForm", "joinedOn", "Enter the date joined as a date like 2015-06-10"));
		verify(governance, never()).addPerson(anyString(), any());
	}

	@Test
	void aMeetingWithABadDateAndATitleTooLongIsShownAgainWithEachMessageOnItsField() throws Exception {
		mvc.perform(post("/governance/ccgs/01A/meetings").with(user("lead-01a")).with(csrf())
			.param("committeeId", "3").param("heldOn", "next Tuesday").param("title", "x".repeat(201)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#heldOn\">Enter the meeting date as a date like 2015-06-10</a>")))
			.andExpect(content().string(containsString("<a href=\"#title\">Meeting title must be 200 characters or fewer</a>")))
			.andExpect(content().string(containsString("value=\"next Tuesday\"")));
		verify(governance, never()).createMeeting(anyString(), any());
	}

	@Test
	void theServicesRefusalOfAnAffectedPracticeLandsOnThePracticeCodesField() throws Exception {
		when(governance.createMeeting(eq("01A"), any()))
			.thenThrow(new InvalidInputException("affected", "No organisation has the code ZZ9999"));
		mvc.perform(post("/governance/ccgs/01A/meetings").with(user("lead-01a")).with(csrf())
			.param("committeeId", "3").param("heldOn", "2015-06-10").param("title", "Merger meeting")
			.param("itemTitle", "Merger").param("itemKind", "DECISION").param("practiceCodes", "ZZ9999"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#practiceCodes\">No organisation has the code ZZ9999</a>")));
	}

	@Test
	void aBlankCommitteeNameIsRefusedBeforeTheService() throws Exception {
		when(governance.people("01A")).thenReturn(List.of());
		mvc.perform(post("/governance/ccgs/01A/committees").with(user("lead-01a")).with(csrf())
			.param("name", " ").param("kind", "OTHER").param("minVotingPresent", "3").param("minLay", "1")
			.param("minGp", "1").param("minExecutive", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the committee&#39;s name")));
		verify(governance, never()).createCommittee(anyString(), any());
	}

	/** A value Spring could not convert, with the message the page shows for it (from messages.properties). */
	private ResultMatcher refusedAsTyped(String form, String field, String message) {
		return result -> {
			BindingResult errors = (BindingResult) result.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + form);
			assertThat(errors).as("the errors of " + form).isNotNull();
			assertThat(errors.getFieldErrors(field)).singleElement()
				.satisfies(error -> assertThat(messages.getMessage(error, Locale.UK)).isEqualTo(message));
		};
	}

	@Test
	void theApiAnswersARefusedLinkWith400NamingTheField() throws Exception {
		when(governance.addLink(eq("01A"), eq(5L), any()))
			.thenThrow(new InvalidInputException("organisationCode", "No organisation has the code ZZ9999"));
		mvc.perform(post("/api/v1/governance/ccgs/01a/people/5/links").with(user("lead-01a")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"relationship\":\"DIRECTOR\",\"organisationCode\":\"ZZ9999\",\"from\":\"2015-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisationCode"))
			.andExpect(jsonPath("$.errors[0].message").value("No organisation has the code ZZ9999"));
	}

	@Test
	void theApiRefusesATooLongNameWith400NamingTheFieldBeforeTheService() throws Exception {
		postApi("/api/v1/governance/ccgs/01a/people", "{\"name\":\"" + "x".repeat(201) + "\",\"role\":\"LAY_MEMBER\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("Name must be 200 characters or fewer"));
		verify(governance, never()).addPerson(anyString(), any());
	}

	@Test
	void theApiRefusesABlankOfferWith400NamingTheFieldBeforeTheService() throws Exception {
		postApi("/api/v1/governance/ccgs/01a/people/7/gifts",
				"{\"kind\":\"GIFT\",\"fromSupplier\":false,\"offeredBy\":\"  \",\"description\":\"A pen\","
						+ "\"value\":{\"pounds\":10},\"offeredOn\":\"2015-03-01\",\"accepted\":false}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("offeredBy"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter who offered it"));
		verify(governance, never()).recordGift(anyString(), anyLong(), any());
	}

	@Test
	void theApiRefusesAMeetingWithNoDateOrATooLongItemWith400NamingEachFieldBeforeTheService() throws Exception {
		postApi("/api/v1/governance/ccgs/01a/meetings", "{\"committeeId\":3,\"title\":\"Board\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("heldOn"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter the meeting date"));
		postApi("/api/v1/governance/ccgs/01a/meetings", "{\"committeeId\":3,\"heldOn\":\"2015-06-10\",\"title\":\"Board\","
				+ "\"items\":[{\"title\":\"" + "x".repeat(301) + "\",\"kind\":\"DECISION\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].title"))
			.andExpect(jsonPath("$.errors[0].message").value("Item must be 300 characters or fewer"));
		verify(governance, never()).createMeeting(anyString(), any());
	}

	@Test
	void theApiTakesMissingTicksAsNoAndRefusesAMarkingWithoutItsVersion() throws Exception {
		postApi("/api/v1/governance/ccgs/01a/people/7/gifts", "{\"kind\":\"GIFT\",\"offeredBy\":\"Acme\","
				+ "\"description\":\"A pen\",\"value\":{\"pounds\":10},\"offeredOn\":\"2015-03-01\"}")
			.andExpect(status().isOk());
		verify(governance).recordGift(eq("01A"), eq(7L),
				argThat(gift -> !gift.fromSupplier() && !gift.accepted()));
		postApi("/api/v1/governance/ccgs/01a/declarations/9/sensitivity", "{\"sensitive\":true,\"reason\":\"Family\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[0].message").value("Reload the page and try again"));
		verify(governance, never()).markSensitive(anyString(), anyLong(), any());
	}

	/** Issue 22, defect 5: an area team saw a gift form with an empty Person list, and attendance boxes without a button. */
	@Test
	void anAreaTeamSeesTheRegistersButNoFormItCannotUse() throws Exception {
		CurrentUser area = new CurrentUser("area-q01", "Area team", Role.AREA_TEAM, "Q01");
		when(policy.requireUser()).thenReturn(area);
		when(policy.currentUser()).thenReturn(Optional.of(area));
		when(governance.isLead("01A")).thenReturn(false);
		when(governance.people("01A")).thenReturn(List.of());
		when(governance.gifts("01A")).thenReturn(List.of());
		when(governance.thresholds()).thenReturn(GiftsAndHospitalityThresholds.reference());
		when(governance.today()).thenReturn(java.time.LocalDate.of(2015, 7, 1));
		when(governance.meeting(4)).thenReturn(new GovernanceViews.MeetingView(4, "01A", 3, "Primary care commissioning committee",
				java.time.LocalDate.of(2015, 6, 10), "June meeting", true, List.of(new GovernanceViews.AttendeeView(7,
						"Ann Lay", MemberRole.LAY_MEMBER, true, true)), List.of(), null));

		mvc.perform(get("/governance/ccgs/01A/gifts").with(user("area-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Record a gift or hospitality"))))
			.andExpect(content().string(not(containsString("id=\"gift-form\""))));
		mvc.perform(get("/governance/meetings/4").with(user("area-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ann Lay, Lay member: present")))
			.andExpect(content().string(not(containsString("type=\"checkbox\""))))
			.andExpect(content().string(not(containsString("Record the outcome"))));
	}

	/** Issue 22: "Find a practice" left the meeting form, losing it; its results could not be chosen. */
	@Test
	void practicesFoundInPlaceTheCcgsOwnFirstAreTickBoxesOfTheMeetingForm() throws Exception {
		var own = new org.cocommission.directory.OrganisationSummary("G10001", "HIGH STREET SURGERY",
				org.cocommission.directory.OrganisationType.GP_PRACTICE, null, "A", null, null, null, null, false);
		var other = new org.cocommission.directory.OrganisationSummary("G20009", "HIGH ROAD SURGERY",
				org.cocommission.directory.OrganisationType.GP_PRACTICE, null, "A", null, null, null, null, false);
		when(governance.searchPractices("01A", "high")).thenReturn(List.of(new Governance.PracticeFound(own, true),
				new Governance.PracticeFound(other, false)));

		String found = mvc.perform(get("/governance/ccgs/01A/practices").param("practiceQuery", "high").with(user("lead-01a")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(found).containsSubsequence("G10001 HIGH STREET SURGERY (your CCG)", "G20009 HIGH ROAD SURGERY")
			.contains("name=\"practiceCodes\" form=\"meeting-form\"", "value=\"G10001\"")
			.doesNotContain("<html");

		mvc.perform(post("/governance/ccgs/01A/meetings").with(user("lead-01a")).with(csrf())
			.param("committeeId", "3").param("heldOn", "2015-06-10").param("title", "Merger meeting")
			.param("itemTitle", "Merger").param("itemKind", "DECISION").param("practiceCodes", "", "G10001", "G20009"));
		verify(governance).createMeeting(eq("01A"), org.mockito.ArgumentMatchers.argThat(meeting -> meeting.items()
			.get(0)
			.affected()
			.stream()
			.map(AffectedOrganisation::organisationCode)
			.toList()
			.equals(List.of("G10001", "G20009"))));
	}

	/** Issue 21, item 7, for governance: over-long text is a 400 naming the field, never a 500. */
	@Test
	void theApiRefusesAGiftDescriptionOf1100CharactersAndAMeetingTitleOf20000With400NamingEach() throws Exception {
		postApi("/api/v1/governance/ccgs/01a/people/7/gifts",
				"{\"kind\":\"GIFT\",\"fromSupplier\":false,\"offeredBy\":\"Supplier Ltd\",\"description\":\""
						+ "d".repeat(1100) + "\",\"value\":{\"pounds\":10},\"offeredOn\":\"2015-03-01\",\"accepted\":false}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].message").value("What it was must be 500 characters or fewer"));
		postApi("/api/v1/governance/ccgs/01a/meetings",
				"{\"committeeId\":3,\"heldOn\":\"2015-06-10\",\"title\":\"" + "t".repeat(20_000) + "\",\"items\":[]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("Meeting title must be 200 characters or fewer"));
		verify(governance, never()).recordGift(anyString(), anyLong(), any());
		verify(governance, never()).createMeeting(anyString(), any());
	}

	@Test
	void aDeclarationMadeOnTheDayLongerThanItsColumnIsRefusedOnItsFieldNotCut() throws Exception {
		postApi("/api/v1/governance/items/5/declarations",
				"{\"personId\":7,\"interest\":\"" + "i".repeat(501) + "\",\"handling\":\"DECLARE_ONLY\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("interest"))
			.andExpect(jsonPath("$.errors[0].message").value("Interest declared must be 500 characters or fewer"));
		mvc.perform(post("/governance/meetings/4/items/5/declarations").with(user("lead-01a")).with(csrf())
			.param("personId", "7").param("interest", "i".repeat(501)).param("handling", "DECLARE_ONLY"))
			.andExpect(GovernanceFixture.refused("itemDeclarationForm", "interest",
					org.hamcrest.Matchers.equalTo("Interest declared must be 500 characters or fewer")));
		verify(governance, never()).recordDeclaration(anyLong(), any());
	}

	private ResultActions postApi(String path, String json) throws Exception {
		return mvc.perform(post(path).with(user("lead-01a")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
