package org.cocommission.cocommissioning.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.ApplicationWorkflow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Recommendation;
import org.cocommission.cocommissioning.Reviews;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.web.PageSupport;
import org.cocommission.governance.QuorumRule;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

/**
 * The application page's small forms: a refusal (a binding error or the service's) comes back to the page, across the
 * redirect, with its message beside its field and what was typed kept.
 */
@WebMvcTest(ApplicationPageController.class)
@Import(PageSupport.class)
@WithMockUser(roles = "NATIONAL")
class ApplicationPageControllerTests {

	private static final String PAGE = "/co-commissioning/applications/3";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Applications applications;

	@MockitoBean
	Attachments attachments;

	@MockitoBean
	ApplicationWorkflow workflow;

	@MockitoBean
	Reviews reviews;

	@MockitoBean
	Rounds rounds;

	@MockitoBean
	AccessPolicy policy;

	@MockitoBean
	org.cocommission.governance.Governance governance;

	private final Round round = new Round(7, "2015/16", Set.of(CommissioningLevel.JOINT),
			Instant.parse("2014-06-20T16:00:00Z"), Instant.parse("2015-01-30T12:00:00Z"), LocalDate.of(2015, 4, 1), 0, 4,
			List.of(new Round.Criterion(11, 1, "Integration"), new Round.Criterion(12, 2, "Finance")),
			QuorumRule.typical(), 0, Map.of());

	@BeforeEach
	void signedIn() {
		given(rounds.round(7)).willReturn(round);
	}

	private void as(Role role, ApplicationStatus status) {
		as(role, status, List.of());
	}

	private void as(Role role, ApplicationStatus status, List<ApplicationView.Condition> conditions) {
		given(policy.requireUser()).willReturn(new CurrentUser("someone", "Someone", role, "X24"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, status, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), null, null, null, null, conditions, List.of(), false, 5, null));
	}

	@Test
	void aRefusedMoveComesBackBesideItsOwnComment() throws Exception {
		as(Role.AREA_TEAM, ApplicationStatus.UNDER_REVIEW);
		willThrow(new InvalidInputException("comment", "Say what more you need from the CCG"))
			.given(workflow).requestInformation(anyLong(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/transitions/request-information").with(csrf())
			.param("version", "5").param("comment", ""))
			.andExpect(flash().attribute("problem", "Say what more you need from the CCG"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"request-comment-error\""),
					containsString("Error:</span> Say what more you need from the CCG</span>"))));
	}

	@Test
	void aRefusedDischargeComesBackBesideTheNoteOfItsOwnCondition() throws Exception {
		as(Role.NATIONAL, ApplicationStatus.DECIDED,
				List.of(new ApplicationView.Condition(21, "Report monthly", null, null, null, 1),
						new ApplicationView.Condition(22, "Appoint a lay chair", null, null, null, 1)));
		willThrow(new InvalidInputException("note", "Say how the condition was met"))
			.given(reviews).dischargeCondition(anyLong(), anyLong(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/conditions/22/discharge").with(csrf()).param("version", "1")
			.param("note", "  "))
			.andExpect(redirectedUrl(PAGE + "#conditions"))
			.andExpect(flash().attribute("problem", "Say how the condition was met"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"note-22-error\""),
					containsString("Error:</span> Say how the condition was met</span>"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"note-21-error\""))));
	}

	/**
	 * Issue 15: the sections (and autosave), functions, upload and removal are bound as forms with Bean Validation, and
	 * the problem box names each problem once, linking to its field. Issue 22: the limit is on the box as typed.
	 */
	@Test
	void aSectionTooLongComesBackBesideItsFieldWithTheTextKeptAndTheProblemLinkingToIt() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("ao", "Accountable officer", Role.CCG, "50B"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, ApplicationStatus.DRAFT, Map.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), null, null, null, null, List.of(), List.of(), false, 5, null));
		String tooLong = "w".repeat(20_001);
		MvcResult refused = mvc.perform(post(PAGE + "/sections").with(csrf()).param("version", "5")
			.param("integration", tooLong).param("standards", "Peer review"))
			.andExpect(redirectedUrl(PAGE))
			.andReturn();
		verify(applications, never()).saveSections(anyLong(), any(), anyInt());

		String page = mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<a href=\"#integration\" id=\"problem\">Integration of care outside hospital must be"
				+ " 20,000 characters or fewer</a>", "id=\"integration-error\"", tooLong + "</textarea>",
				"Peer review</textarea>", "maxlength=\"20000\"", "data-maxlength=\"20000\"",
				"You can enter up to 20,000 characters", "id=\"autosave-status-integration\"");
		mvc.perform(post(PAGE + "/sections/integration").with(csrf()).param("version", "5").param("integration", tooLong))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Integration of care outside hospital must be 20,000 characters or fewer")));
	}

	@Test
	void anAutosaveThatLosesToTheSameUsersOtherTabSaysSoAndKeepsTheText() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("ao", "Accountable officer", Role.CCG, "50B"));
		given(applications.saveSection(anyLong(), any(), any(), anyInt()))
			.willThrow(new org.springframework.dao.OptimisticLockingFailureException("stale"));
		given(applications.lastChangedBy(3)).willReturn("ao");
		mvc.perform(post(PAGE + "/sections/standards").with(csrf()).param("version", "4").param("standards", "Typed"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("You changed this application in another tab or window since this one was loaded."),
					containsString("Your text here is kept"), containsString("id=\"autosave-message-standards\""))));
		given(applications.lastChangedBy(3)).willReturn("colleague");
		mvc.perform(post(PAGE + "/sections/standards").with(csrf()).param("version", "4").param("standards", "Typed"))
			.andExpect(content().string(containsString("colleague changed this application since you loaded it.")));
	}

	/** Issue 22: the area team's request for information was only in the history, at the foot of the page. */
	@Test
	void theAreaTeamsRequestForInformationIsAtTheTopOfTheCcgsApplication() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("ao", "Accountable officer", Role.CCG, "50B"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, ApplicationStatus.INFORMATION_REQUESTED, Map.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of(),
				List.of(new ApplicationView.HistoryLine(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.INFORMATION_REQUESTED,
						"area-q50", "Please set out the delegated budget plan", Instant.parse("2014-12-03T10:00:00Z"))),
				false, 7, null));

		String page = mvc.perform(get(PAGE)).andReturn().getResponse().getContentAsString();
		assertThat(page.indexOf("id=\"information-requested\"")).isPositive().isLessThan(page.indexOf("<h2>The application</h2>"));
		assertThat(page).contains("The area team asks for more information", "Please set out the delegated budget plan",
				"Asked by area-q50 on 3 December 2014");
	}

	/** Issue 22, defect 7: overdue declarations blocked submission without being on the checklist; the comment was lost. */
	@Test
	void theChecklistNamesOverdueDeclarationsWithALinkToTheRegisterAndARefusedSubmissionKeepsItsComment() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("ao", "Accountable officer", Role.CCG, "50B"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, ApplicationStatus.DRAFT, Map.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), null, null, null, null, List.of(), List.of(), false, 5, null));
		given(governance.overdueGoverningBodyMembers("50B")).willReturn(List.of(new org.cocommission.governance.GovernanceViews.PersonView(
				9, "50B", "Gail Governor", org.cocommission.governance.MemberRole.LAY_MEMBER, true, null, null,
				LocalDate.of(2014, 1, 6), null, LocalDate.of(2014, 2, 3), true, List.of())));
		willThrow(new IllegalArgumentException("The application cannot be submitted while declarations of interests are"
				+ " overdue for governing body members: Gail Governor"))
			.given(workflow).submit(anyLong(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/transitions/submit").with(csrf()).param("version", "5")
			.param("comment", "Signed off by the governing body on 3 December"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(allOf(
					containsString("Declarations of interests are overdue for a governing body member: Gail Governor."),
					containsString("href=\"/governance/ccgs/50B/register\">Bring the register of interests up to date</a>"),
					containsString("Signed off by the governing body on 3 December</textarea>"))));
	}

	/** Issue 22, defect 3: the decided application page said only "Saved.". */
	@Test
	void aDecidedApplicationSaysWhatWasDecidedAndWhenItTakesEffect() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("someone", "Someone", Role.NATIONAL, "X24"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, ApplicationStatus.DECIDED, Map.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), Recommendation.APPROVE, "Sound", BoardDecision.APPROVED_WITH_CONDITIONS,
				"Agreed", List.of(), List.of(new ApplicationView.HistoryLine(ApplicationStatus.RECOMMENDED,
						ApplicationStatus.DECIDED, "board", "Agreed", Instant.parse("2015-02-10T15:00:00Z"))),
				false, 6, null));

		mvc.perform(get(PAGE).flashAttr("saved", true).flashAttr("decidedNow", true))
			.andExpect(content().string(containsString("The NHS England board approved this application with conditions"
					+ " on 10 February 2015. NHS BETA CCG moves to joint commissioning from 1 April 2015.")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Saved."))));
	}

	/** Issue 22, defect 6: saved scores showed as 0 in the boxes, so a reviewer could overwrite them with 0. */
	@Test
	void eachScoreBoxShowsItsSavedScoreAndCommentAndAnUnscoredOneShowsNone() throws Exception {
		given(policy.requireUser()).willReturn(new CurrentUser("someone", "Someone", Role.AREA_TEAM, "Q50"));
		given(applications.application(3)).willReturn(new ApplicationView(3, 7, "2015/16", "50B", "NHS BETA CCG",
				CommissioningLevel.JOINT, ApplicationStatus.UNDER_REVIEW, Map.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(new ApplicationView.Score(12, "Finance", 3, "Sound plan", "Rita")), null,
				null, null, null, List.of(), List.of(), false, 5, null));

		String page = mvc.perform(get(PAGE)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		String finance = page.substring(page.indexOf("id=\"score-12\""), page.indexOf("id=\"score-comment-12\"") + 120);
		assertThat(finance).contains("<option value=\"3\" selected=\"selected\">3</option>").contains("value=\"Sound plan\"");
		String integration = page.substring(page.indexOf("id=\"score-11\""), page.indexOf("id=\"score-comment-11\""));
		assertThat(integration).contains("<option value=\"\">Choose a score</option>").doesNotContain("selected");
	}

	@Test
	void aRefusedScoreComesBackBesideItsFieldOnItsCriterionWithTheCommentKept() throws Exception {
		as(Role.AREA_TEAM, ApplicationStatus.UNDER_REVIEW);
		MvcResult refused = mvc.perform(post(PAGE + "/scores").with(csrf()).param("version", "5")
			.param("criterionId", "12").param("score", "").param("comment", "Sound plan"))
			.andExpect(redirectedUrl(PAGE + "#review"))
			.andExpect(flash().attribute("problem", "Choose a score"))
			.andReturn();
		verify(reviews, never()).score(anyLong(), anyLong(), anyInt(), any(), anyInt());
		BindingResult result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "scoreForm");
		assertThat(result.getFieldError("score").getDefaultMessage()).isEqualTo("Choose a score");

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"score-12-error\""),
					containsString("Error:</span> Choose a score</span>"),
					containsString("value=\"Sound plan\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"score-11-error\""))));
	}

	@Test
	void aDecisionTheServiceRefusesComesBackWithItsMessageOnTheFieldAndTheValuesKept() throws Exception {
		as(Role.NATIONAL, ApplicationStatus.RECOMMENDED);
		willThrow(new InvalidInputException("conditions", "Conditions go with an approval with conditions only"))
			.given(reviews).decide(anyLong(), any(), anyString(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/decision").with(csrf()).param("version", "5")
			.param("decision", "APPROVED").param("reasons", "Approved by the board").param("conditions", "Report monthly"))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("problem", "Conditions go with an approval with conditions only"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"dec-conditions-error\""),
					containsString("Conditions go with an approval with conditions only"),
					containsString(">Report monthly</textarea>"), containsString(">Approved by the board</textarea>"),
					containsString("id=\"decision-choice\" name=\"decision\" checked=\"checked\""))));
	}

	@Test
	void aDecisionWithoutAChoiceIsRefusedBesideTheChoice() throws Exception {
		as(Role.NATIONAL, ApplicationStatus.RECOMMENDED);
		willThrow(new InvalidInputException("decision", "Choose the board's decision"))
			.given(reviews).decide(anyLong(), any(), any(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/decision").with(csrf()).param("version", "5")
			.param("reasons", "Kept reasons"))
			.andExpect(flash().attribute("problem", "Choose the board's decision"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"decision-choice-error\""),
					containsString("Choose the board&#39;s decision"), containsString(">Kept reasons</textarea>"))));
	}
}
