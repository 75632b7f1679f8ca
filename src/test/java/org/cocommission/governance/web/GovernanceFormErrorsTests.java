package org.cocommission.governance.web;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.SignIn;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every governance form shows a refusal the NHS.UK way: the error summary links to the field ({@code #id}), and the
 * field carries the message and the error classes; nothing is saved, and what was typed is still there.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GovernanceFixture.class)
class GovernanceFormErrorsTests {

	private final MockMvc mvc;

	private final Governance governance;

	private final GovernanceFixture fixture;

	private Cookie session;

	@Autowired
	GovernanceFormErrorsTests(MockMvc mvc, Governance governance, GovernanceFixture fixture) {
		this.mvc = mvc;
		this.governance = governance;
		this.fixture = fixture;
	}

	@BeforeEach
	void signIn() throws Exception {
		fixture.directoryAndUsers();
		session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);
	}

	@Test
	void peopleAndLinksFormsLinkTheirErrorsToTheField() throws Exception {
		String page = afterRedirect("personForm", post("/governance/ccgs/01A/people").param("name", "Typed Person")
			.param("role", "NURSE").param("title", "Typed title").param("joinedOn", "1 May 2015"));
		assertFieldError(page, "person-joinedOn", "Enter the date joined as a date like 2015-06-10", "nhsuk-input--error");
		assertThat(page).contains("value=\"Typed Person\"", "value=\"Typed title\"", "value=\"1 May 2015\"")
			.containsPattern("<option value=\"NURSE\" selected=\"selected\">");
		assertThat(governance.people("01A")).noneMatch(p -> p.name().equals("Typed Person"));

		long person = governance.addPerson("01A", new GovernanceRequests.NewPerson("Form errors person",
				MemberRole.LAY_MEMBER, null, null, null, LocalDate.of(2015, 1, 1)));
		page = afterRedirect("linkForm", post("/governance/ccgs/01A/links").param("person", String.valueOf(person))
			.param("relationship", "DIRECTOR").param("organisationCode", "ZZ9999").param("from", "2015-01-01"));
		assertFieldError(page, "link-organisationCode", "No organisation has the code ZZ9999", "nhsuk-input--error");
		assertThat(page).contains("value=\"ZZ9999\"", "value=\"2015-01-01\"")
			.contains("<option value=\"DIRECTOR\" selected=\"selected\">");
		assertThat(governance.people("01A").stream().filter(p -> p.id() == person).findFirst().orElseThrow().links())
			.isEmpty();
	}

	@Test
	void theDeclarationFormLinksItsErrorToTheField() throws Exception {
		long person = governance.addPerson("01A", new GovernanceRequests.NewPerson("Form errors declarer",
				MemberRole.GP_MEMBER, null, null, null, LocalDate.of(2015, 1, 1)));
		String page = afterRedirect("declarationForm", post("/governance/ccgs/01A/declarations")
			.param("person", String.valueOf(person)).param("category", "INDIRECT").param("description", "")
			.param("bodyName", "Some Ltd").param("from", "2015-01-01").param("actionTaken", "Typed action"));
		assertFieldError(page, "description", "Describe the interest", "nhsuk-input--error");
		assertThat(page).contains("value=\"Some Ltd\"", "value=\"2015-01-01\"", "value=\"Typed action\"")
			.contains("<option value=\"INDIRECT\" selected=\"selected\">");
	}

	@Test
	void theGiftFormLinksEachMissingFieldToItself() throws Exception {
		long person = governance.addPerson("01A", new GovernanceRequests.NewPerson("Form errors gifted",
				MemberRole.EXECUTIVE, null, null, null, LocalDate.of(2015, 1, 1)));
		String page = afterRedirect("giftForm", post("/governance/ccgs/01A/gifts").param("person", String.valueOf(person))
			.param("kind", "GIFT").param("description", "A pen").param("value", "ten pounds")
			.param("offeredOn", "2015-03-01"));
		assertFieldError(page, "gift-offeredBy", "Enter who offered it", "nhsuk-input--error");

		page = afterRedirect("giftForm", post("/governance/ccgs/01A/gifts").param("person", String.valueOf(person))
			.param("kind", "HOSPITALITY").param("fromSupplier", "true").param("offeredBy", "Pens Ltd")
			.param("description", "A pen").param("value", "ten pounds").param("offeredOn", "2015-03-01"));
		assertFieldError(page, "gift-value", "Enter the value in pounds, like 25.00", "nhsuk-input--error");
		assertThat(page).contains("value=\"Pens Ltd\"", "value=\"A pen\"", "value=\"ten pounds\"",
				"value=\"2015-03-01\"", "<option value=\"HOSPITALITY\" selected=\"selected\">")
			.containsPattern("id=\"gift-fromSupplier\"[^>]*checked=\"checked\"");
		assertThat(governance.gifts("01A")).noneMatch(gift -> gift.offeredBy().equals("Pens Ltd"));
	}

	@Test
	void theCommitteeFormLinksItsErrorsToTheField() throws Exception {
		fixture.people("committee-form");
		String page = mvc.perform(post("/governance/ccgs/01A/committees").cookie(session).with(csrf())
			.param("name", "Committee form errors").param("kind", "PRIMARY_CARE_COMMISSIONING_COMMITTEE")
			.param("minVotingPresent", "four").param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertFieldError(page, "minVotingPresent", "Enter the quorum&#39;s fewest voting members present as a whole number, like 1",
				"nhsuk-input--error");
		assertThat(page).contains("value=\"Committee form errors\"", "value=\"four\"")
			.contains("<option value=\"PRIMARY_CARE_COMMISSIONING_COMMITTEE\" selected=\"selected\">");
	}

	@Test
	void theMeetingSetUpFormLinksEachMissingFieldToItself() throws Exception {
		var committee = fixture.committee("meeting-form");
		String page = mvc.perform(post("/governance/ccgs/01A/meetings").cookie(session).with(csrf())
			.param("committeeId", String.valueOf(committee.id())).param("heldOn", "").param("title", ""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertFieldError(page, "heldOn", "Enter the meeting date", "nhsuk-input--error");
		assertFieldError(page, "title", "Enter the meeting title", "nhsuk-input--error");

		page = mvc.perform(post("/governance/ccgs/01A/meetings").cookie(session).with(csrf())
			.param("committeeId", String.valueOf(committee.id())).param("heldOn", "10 June").param("title", "Typed meeting")
			.param("itemTitle", "Typed item").param("itemKind", "DISCUSSION").param("practiceCodes", "ZZ9999"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertFieldError(page, "heldOn", "Enter the meeting date as a date like 2015-06-10", "nhsuk-input--error");
		assertThat(page).contains("value=\"10 June\"", "value=\"Typed meeting\"", "value=\"Typed item\"",
				"value=\"ZZ9999\"", "<option value=\"DISCUSSION\" selected=\"selected\">");
	}

	@Test
	void theMeetingPageFormsLinkTheirErrorsToTheItemsField() throws Exception {
		var committee = fixture.committee("meeting-page-form");
		long meeting = governance.createMeeting("01A", new GovernanceRequests.NewMeeting(committee.id(),
				LocalDate.of(2015, 9, 1), "September meeting", List.of(new GovernanceRequests.NewItem("Premises bid",
						ItemKind.DECISION, false, List.of()))));
		long item = governance.meeting(meeting).items().get(0).id();

		String page = afterRedirect("outcomeForm", post("/governance/meetings/" + meeting + "/items/" + item + "/outcome")
			.param("outcome", "APPROVED").param("decision", "").param("referredTo", "Typed panel").param("version", "0"));
		assertFieldError(page, "outcome-" + item + "-decision", "Record the decision taken", "nhsuk-input--error");
		assertThat(page).contains("value=\"Typed panel\"");

		page = afterRedirect("itemForm", post("/governance/meetings/" + meeting + "/items").param("title", "")
			.param("kind", "INFORMATION").param("providerName", "Typed provider"));
		assertFieldError(page, "item-title", "Enter the item&#39;s title", "nhsuk-input--error");
		assertThat(page).contains("value=\"Typed provider\"", "<option value=\"INFORMATION\" selected=\"selected\">");
		assertThat(governance.meeting(meeting).items()).hasSize(1);
	}

	/** Posts the form as the lead and opens the page it redirects to, with the form and errors it flashed. */
	private String afterRedirect(String form, MockHttpServletRequestBuilder post) throws Exception {
		MvcResult posted = mvc.perform(post.cookie(session).with(csrf())).andReturn();
		assertThat(posted.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + form)).isNotNull();
		String location = posted.getResponse().getRedirectedUrl();
		return mvc.perform(get(location).cookie(session).flashAttrs(posted.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static void assertFieldError(String page, String field, String message, String controlClass) {
		assertThat(page).contains("<a href=\"#" + field + "\">" + message + "</a>");
		assertThat(page).containsPattern("class=\"nhsuk-error-message\" id=\"" + field + "-error\">[\\s\\S]{0,120}"
				+ java.util.regex.Pattern.quote(message));
		assertThat(page).containsPattern("nhsuk-form-group nhsuk-form-group--error\">\\s*<label[^>]*for=\"" + field + "\"");
		assertThat(page).containsPattern("<(input|select)[^>]*id=\"" + field + "\"[^>]*class=\"[^\"]*" + controlClass
				+ "|<(input|select)[^>]*class=\"[^\"]*" + controlClass + "[^>]*id=\"" + field + "\"");
		assertThat(page).containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"" + field + "-error\"");
	}
}
