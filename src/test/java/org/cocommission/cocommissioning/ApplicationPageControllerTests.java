package org.cocommission.cocommissioning;

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
		willThrow(new InvalidInputException("comment", "Add a comment saying why (more information requested)"))
			.given(workflow).requestInformation(anyLong(), any(), anyInt());
		MvcResult refused = mvc.perform(post(PAGE + "/transitions/request-information").with(csrf())
			.param("version", "5").param("comment", ""))
			.andExpect(flash().attribute("problem", "Add a comment saying why (more information requested)"))
			.andReturn();

		mvc.perform(get(PAGE).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"request-comment-error\""),
					containsString("Error:</span> Add a comment saying why (more information requested)</span>"))));
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
