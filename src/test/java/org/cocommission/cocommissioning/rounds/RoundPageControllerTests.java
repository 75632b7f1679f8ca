package org.cocommission.cocommissioning.rounds;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationSummary;
import org.cocommission.cocommissioning.ApplicationWindow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.levels.DelegationNotices;
import org.cocommission.cocommissioning.web.PageSupport;
import org.cocommission.governance.QuorumRule;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The round pages' request binding and validation, without a database: a bad date or number, a name too long or a
 * rule's refusal comes back on the form, beside its field, with what was typed.
 */
@WebMvcTest(RoundPageController.class)
@Import({ PageSupport.class, RoundPageControllerTests.FixedClock.class })
@WithMockUser(roles = "NATIONAL")
class RoundPageControllerTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2014-12-01T10:00:00Z"), ZoneOffset.UTC);
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Rounds rounds;

	@MockitoBean
	Applications applications;

	@MockitoBean
	AccessPolicy policy;

	@MockitoBean
	CommissioningLevels levels;

	@MockitoBean
	DelegationNotices delegationNotices;

	private final Round round = new Round(7, "2015/16", Set.of(CommissioningLevel.JOINT),
			Instant.parse("2014-06-20T16:00:00Z"), Instant.parse("2015-01-30T12:00:00Z"), LocalDate.of(2015, 4, 1), 0, 4,
			List.of(new Round.Criterion(1, 1, "Integration")), QuorumRule.typical(), 0, Map.of());

	@BeforeEach
	void signedInNationally() {
		given(policy.requireUser()).willReturn(new CurrentUser("board", "The board", Role.NATIONAL, "X24"));
		given(rounds.round(7)).willReturn(round);
	}

	private void asCcg(Applications.ExpressionOfInterest interest, ApplicationSummary own) {
		given(policy.requireUser()).willReturn(new CurrentUser("ao", "Accountable officer", Role.CCG, "50B"));
		given(rounds.interestWindowFor(7, "50B")).willReturn(new ApplicationWindow(round.eoiDeadline(), null));
		given(rounds.windowFor(eq(7L), eq("50B"), any())).willReturn(new ApplicationWindow(round.applicationDeadline(), null));
		given(applications.interestOf(7, "50B")).willReturn(java.util.Optional.ofNullable(interest));
		given(applications.applicationIn(7, "50B")).willReturn(java.util.Optional.ofNullable(own));
	}

	/** Issue 22, defect 8: a closed round offered "Start an application", which then failed without a link. */
	@Test
	void aRoundTheCcgAlreadyAppliedInLinksItsApplicationAndOffersNoStart() throws Exception {
		asCcg(null, new ApplicationSummary(41, 7, "2015/16", "50B", CommissioningLevel.JOINT, ApplicationStatus.LIVE,
				BoardDecision.APPROVED, Instant.parse("2015-04-01T00:05:00Z")));

		mvc.perform(get("/co-commissioning/rounds/7"))
			.andExpect(content().string(allOf(containsString("href=\"/co-commissioning/applications/41\""),
					containsString("Your application for joint commissioning: live"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Start the full application"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Express interest"))));
	}

	/** Issue 22, defect 4: the expression of interest comes first and closes at its own deadline. */
	@Test
	void afterTheExpressionsOfInterestDeadlineACcgWithoutOneIsToldAndOfferedNothing() throws Exception {
		asCcg(null, null);

		mvc.perform(get("/co-commissioning/rounds/7"))
			.andExpect(content().string(allOf(containsString("Expression of interest: due by 20 June 2014 17:00 (UK time)."),
					containsString("Expressions of interest for this round have closed"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"start-form\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"interest-form\""))));
	}

	@Test
	void aCcgThatExpressedInterestIsOfferedTheFullApplicationForItsLevel() throws Exception {
		asCcg(new Applications.ExpressionOfInterest(7, "50B", CommissioningLevel.JOINT, "ao",
				Instant.parse("2014-06-02T09:00:00Z")), null);

		mvc.perform(get("/co-commissioning/rounds/7"))
			.andExpect(content().string(allOf(containsString("Expression of interest: joint commissioning, made on 2 June 2014."),
					containsString("Start the full application for joint commissioning"),
					containsString("Full application: due by 30 January 2015 12:00 (UK time)."))));
	}

	@Test
	void showsABadDateBesideItsFieldWithWhatWasTyped() throws Exception {
		mvc.perform(post("/co-commissioning/rounds").with(csrf()).param("name", "Bad date round")
			.param("levels", "JOINT").param("eoiDeadline", "20 June").param("applicationDeadline", "2015-01-30T12:00")
			.param("goLiveOn", "2015-04-01").param("criteria", "Integration"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"#eoiDeadline\""), containsString("id=\"eoiDeadline-error\""),
					containsString("Enter the expression of interest deadline as a date and time, like 2015-01-09T12:00"),
					containsString("value=\"Bad date round\""), containsString("value=\"20 June\""))));
		verify(rounds, never()).create(any());
	}

	@Test
	void refusesANameLongerThanTheColumn() throws Exception {
		mvc.perform(post("/co-commissioning/rounds").with(csrf()).param("name", "x".repeat(201)).param("levels", "JOINT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""),
					containsString("The round&#39;s name must be 200 characters or fewer"))));
		verify(rounds, never()).create(any());
	}

	@Test
	void putsEveryProblemTheRoundHasOnItsField() throws Exception {
		mvc.perform(post("/co-commissioning/rounds").with(csrf()).param("name", "").param("levels", "JOINT")
			.param("eoiDeadline", "2014-06-20T17:00").param("applicationDeadline", "2015-01-30T12:00")
			.param("levelDeadlines[JOINT]", "2015-05-09T17:00").param("goLiveOn", "2015-04-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("id=\"criteria-error\""),
					containsString("id=\"levelDeadlines-error\""),
					containsString("The go-live date must be after the full application deadline for joint commissioning"),
					containsString("value=\"2015-05-09T17:00\""))));
		verify(rounds, never()).create(any());
	}

	@Test
	void showsTheServicesRefusalOnTheField() throws Exception {
		given(rounds.create(any())).willThrow(new InvalidInputException("name", "A round called 2015/16 already exists"));
		mvc.perform(post("/co-commissioning/rounds").with(csrf()).param("name", "2015/16").param("levels", "JOINT")
			.param("eoiDeadline", "2014-06-20T17:00").param("applicationDeadline", "2015-01-30T12:00")
			.param("goLiveOn", "2015-04-01").param("criteria", "Integration"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""),
					containsString("A round called 2015/16 already exists"))));
	}

	@Test
	void setsUpAWellFormedRoundAndGoesToIt() throws Exception {
		given(rounds.create(any())).willReturn(round);
		mvc.perform(post("/co-commissioning/rounds").with(csrf()).param("name", "2015/16").param("levels", "JOINT")
			.param("eoiDeadline", "2014-06-20T17:00").param("applicationDeadline", "2015-01-30T12:00:00")
			.param("goLiveOn", "2015-04-01").param("scoreMax", "5").param("criteria", "Integration\nStandards"))
			.andExpect(redirectedUrl("/co-commissioning/rounds/7"));
		verify(rounds).create(new NewRound("2015/16", Set.of(CommissioningLevel.JOINT),
				java.time.LocalDateTime.parse("2014-06-20T17:00"), java.time.LocalDateTime.parse("2015-01-30T12:00"),
				LocalDate.of(2015, 4, 1), 0, 5, List.of("Integration", "Standards")));
	}

	@Test
	void showsAQuorumThatIsNotANumberOnTheRoundPage() throws Exception {
		mvc.perform(post("/co-commissioning/rounds/7/quorum").with(csrf()).param("version", "0").param("minVoting", "two")
			.param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"#quorum-minVoting\""),
					containsString("Enter the number of voting members present as a whole number, like 1"),
					containsString("value=\"two\""))));
		verify(rounds, never()).setQuorum(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
				org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt(),
				org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt());
	}

	@Test
	void showsAWindowRefusalBesideItsFieldAndKeepsTheReason() throws Exception {
		org.mockito.BDDMockito.willThrow(new InvalidInputException("ccg", "No CCG has the code 99Z"))
			.given(rounds).reopenWindow(org.mockito.ArgumentMatchers.eq(7L), any(), any(), any());
		mvc.perform(post("/co-commissioning/rounds/7/windows").with(csrf()).param("ccg", "99Z")
			.param("until", "2015-02-06T12:00").param("reason", "Late papers"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"#window-ccg\""), containsString("id=\"window-ccg-error\""),
					containsString("No CCG has the code 99Z"), containsString("Late papers"))));
	}

	@Test
	void reopensTheWindowUntilALocalTimeInEngland() throws Exception {
		mvc.perform(post("/co-commissioning/rounds/7/windows").with(csrf()).param("ccg", "50A")
			.param("until", "2015-06-06T12:00").param("reason", "Late papers"))
			.andExpect(redirectedUrl("/co-commissioning/rounds/7"))
			.andExpect(flash().attribute("saved", "Applications are re-opened for 50A."));
		verify(rounds).reopenWindow(7, "50A", Instant.parse("2015-06-06T11:00:00Z"), "Late papers");
	}

	@Test
	void saysWhyAnUnknownLevelCannotBeChosenForANotice() throws Exception {
		mvc.perform(post("/co-commissioning/delegation-notice").with(csrf()).param("revertsTo", "NONE")
			.param("reason", "Merging"))
			.andExpect(redirectedUrl("/co-commissioning"))
			.andExpect(flash().attribute("problem",
					"Choose the level to revert to: joint commissioning or greater involvement"))
			.andExpect(content().string(not(containsString("Exception"))));
		verify(delegationNotices, never()).give(any(), any(), any());
	}
}
