package org.cocommission.authorisation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.survey.SurveyLink;
import org.cocommission.authorisation.survey.SurveyLinks;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.SignedInUsers;
import org.cocommission.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The authorisation module on the embedded PostgreSQL: the 2012-13 framework ships as data, panel outcomes are
 * published by wave and totalled, and a review that finds a condition met discharges it and is audited. Web brings
 * the pages' shared beans (the form fragments' error order).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({ SentEmails.Configuration.class, AuthorisationFixture.class })
@TestPropertySource(properties = "cocommission.mail.outbox-delay=1h")
class AuthorisationModuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Authorisation authorisation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentEmails sent;

	@Autowired
	OutboxSender outbox;

	@Autowired
	ApplicationEvents events;

	@Autowired
	AuthorisationFixture fixture;

	@Autowired
	SurveyLinks surveyLinks;

	@BeforeEach
	void outcomes() {
		fixture.directoryUsersAndOutcomes();
	}

	@Test
	void the2012FrameworkShipsItsSixDomainsWithCriteriaAndHowEachIsAssessed() {
		Framework framework = authorisation.framework(Authorisation.FRAMEWORK_2012_13);

		assertThat(framework.version()).isEqualTo(1);
		assertThat(framework.criteriaTotal()).isEqualTo(119);
		assertThat(framework.domains()).extracting(Framework.Domain::number).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(framework.domains().get(1).name()).startsWith("Meaningful engagement with patients, carers");
		assertThat(framework.domains()).allSatisfy(domain -> assertThat(domain.criteria()).hasSize(4));
		assertThat(framework.domains().get(0).criteria().get(2).assessedBy())
			.containsExactly(AssessmentMethod.SURVEY_360);
		assertThat(framework.domains().get(0).criteria().get(1).assessedBy())
			.containsExactly(AssessmentMethod.DESKTOP, AssessmentMethod.SITE_VISIT);
	}

	@Test
	void aWavesOutcomesArePublishedWithTheirConditionsAndDirections() {
		assertThat(authorisation.outcomes(1)).containsExactly(new OutcomeRow("01A", OutcomeKind.AUTHORISED, 0, false),
				new OutcomeRow("01B", OutcomeKind.AUTHORISED_WITH_CONDITIONS, 2, true));
		assertThat(authorisation.outcomes(4)).isEmpty();
	}

	@Test
	void theNationalSummaryCountsEachOutcomeAndTheCcgsWithDirections() {
		NationalSummary summary = authorisation.summary();

		assertThat(summary).extracting(NationalSummary::ccgs, NationalSummary::authorisedInFull,
				NationalSummary::withConditions, NationalSummary::withDirections)
			.containsExactly(3, 1, 2, 1);
		assertThat(summary.waves()).extracting(Wave::number, Wave::ccgs)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 1),
					org.assertj.core.groups.Tuple.tuple(3, 0), org.assertj.core.groups.Tuple.tuple(4, 0));
	}

	@Test
	void conditionsInForceFallAsTheyAreDischarged() {
		ConditionsInForce inForce = authorisation.conditionsInForce(LocalDate.of(2013, 8, 15));

		assertThat(inForce.points().get(0)).isEqualTo(new ConditionsInForce.Point(LocalDate.of(2012, 12, 31), 2, 1, 1));
		assertThat(inForce.points()).contains(new ConditionsInForce.Point(LocalDate.of(2013, 2, 28), 3, 1, 2),
				new ConditionsInForce.Point(LocalDate.of(2013, 6, 30), 2, 1, 2));
		assertThat(inForce.points()).last().extracting(ConditionsInForce.Point::on).isEqualTo(LocalDate.of(2013, 8, 31));
	}

	@Test
	void aMetReviewDischargesTheConditionAndTheAuditTrailRecordsIt() {
		long condition = condition("01C", "1.1");

		reviewAsNational(condition, new ReviewForm(LocalDate.of(2013, 5, 1), false, "Plan not yet signed off"));
		reviewAsNational(condition, new ReviewForm(LocalDate.of(2013, 8, 1), true, "Signed off by every practice"));

		assertThat(jdbc.sql("select discharged_on from authorisation_condition where id = ?")
			.param(condition)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2013, 8, 1));
		assertThat(events.stream(ConditionReviewed.class)).extracting(ConditionReviewed::met).containsExactly(false, true);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'AUTHORISATION_CONDITION'"
				+ " and entity_id = ? and action = 'CONDITION_DISCHARGED'")
			.param(String.valueOf(condition))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> reviewAsNational(condition, new ReviewForm(LocalDate.of(2013, 9, 1), true, "Again")))
			.hasMessageContaining("discharged");
	}

	@Test
	void onlyNationalAndTheCcgsAreaTeamReviewItsConditions() {
		long condition = condition("01B", "4.2");
		ReviewForm review = new ReviewForm(LocalDate.of(2013, 5, 1), false, "Support team in place");

		assertThatThrownBy(() -> authorisation.review(condition, review)).isInstanceOf(AccessDeniedException.class);
		for (String refused : List.of("auth-01b", "auth-01a")) {
			assertThatThrownBy(() -> fixture.as(refused, () -> authorisation.review(condition, review)))
				.as(refused)
				.isInstanceOf(AccessDeniedException.class);
		}
		long otherArea = condition("01C", "1.1");
		assertThatThrownBy(() -> fixture.as("auth-q01", () -> authorisation.review(otherArea, review)))
			.isInstanceOf(AccessDeniedException.class);

		fixture.as("auth-q01", () -> authorisation.review(condition, review));
		assertThat(jdbc.sql("select reviewed_by from authorisation_condition_review where condition_id = ?")
			.param(condition)
			.query(String.class)
			.list()).containsExactly("auth-q01");
	}

	@Test
	void aCcgSeesItsOwnOutcomeAndConditionsOnly() {
		CcgOutcome own = fixture.as("auth-01b", () -> authorisation.ccgOutcome("01B"));

		assertThat(own.outcome()).isEqualTo(OutcomeKind.AUTHORISED_WITH_CONDITIONS);
		assertThat(own.conditions()).extracting(CcgOutcome.Condition::criterionCode).containsExactly("4.2", "3.1");
		assertThat(own.conditions().get(0).supportLevel()).isEqualTo(SupportLevel.IV);
		assertThatThrownBy(() -> fixture.as("auth-01a", () -> authorisation.ccgOutcome("01B")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(fixture.as("auth-q01", () -> authorisation.ccgOutcome("01B")).ccgCode())
			.isEqualTo("01B");
	}

	@Test
	void aWavesOutcomesArePublicAsJsonRows() throws Exception {
		mvc.perform(get("/api/v1/authorisation/outcomes").param("wave", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].ccgCode").value("01B"))
			.andExpect(jsonPath("$[1].outcome").value("AUTHORISED_WITH_CONDITIONS"))
			.andExpect(jsonPath("$[1].conditions").value(2))
			.andExpect(jsonPath("$[1].directions").value(true))
			.andExpect(jsonPath("$[0].directions").value(false));
	}

	@Test
	void thePublishedPagesNeedNoSignIn() throws Exception {
		mvc.perform(get("/authorisation"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Authorised with conditions")))
			.andExpect(content().string(containsString("conditions-in-force-chart")));
		mvc.perform(get("/authorisation/waves/1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS SECOND CCG (01B)")));
		mvc.perform(get("/authorisation/framework"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("24 of them")));
		mvc.perform(get("/authorisation/conditions-in-force.csv")).andExpect(status().isOk());
		mvc.perform(get("/authorisation/ccgs/01B")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/authorisation/ccgs/01B")).andExpect(status().isUnauthorized());
	}

	@Test
	void aCcgSeesItsOwnPageAndOnlyReviewersGetTheReviewForm() throws Exception {
		SignedInUsers signedIn = fixture.signedIn();
		long condition = condition("01B", "4.2");

		mvc.perform(get("/authorisation/ccgs/01B").with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level IV: a team or person supplied by the Board")))
			.andExpect(content().string(not(containsString("Record a review"))));
		mvc.perform(get("/authorisation/ccgs/01B").with(signedIn.as("auth-01a"))).andExpect(status().isForbidden());
		mvc.perform(get("/authorisation/conditions/{id}/review", condition).with(signedIn.as("auth-01b")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/authorisation/conditions/{id}/review", condition).with(signedIn.as("auth-01b")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/authorisation/conditions/{id}/reviews", condition).with(signedIn.as("auth-01b"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(get("/authorisation/ccgs/01B").with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record a review")));
	}

	@Test
	void anIncompleteReviewComesBackWithItsErrorsAndValuesKept() throws Exception {
		SignedInUsers signedIn = fixture.signedIn();
		long condition = condition("01B", "3.1");

		mvc.perform(post("/authorisation/conditions/{id}/review", condition).with(signedIn.as("auth-national"))
			.with(csrf())
			.param("reviewedOn", "2013-05-01")
			.param("note", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say whether the condition is now met")))
			.andExpect(content().string(containsString("Enter what the review found")))
			.andExpect(content().string(containsString("2013-05-01")));
		mvc.perform(post("/api/v1/authorisation/conditions/{id}/reviews", condition).with(signedIn.as("auth-national"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reviewedOn\": \"2013-05-01\", \"met\": false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
	}

	@Test
	void aSurveyLinkOpensOnceWithoutSignInAndThenSaysWhyNot() throws Exception {
		long survey = ActingAs.system(() -> surveyLinks.createSurvey("360 stakeholder survey 2012-13",
				List.of(new SurveyLink.Question(1, 1, "The CCG has clinical leadership that adds value"),
						new SurveyLink.Question(2, 2, "The CCG involves patients in its plans"))));
		String token = ActingAs.system(() -> surveyLinks.issue(survey, "01B", "Member practice", Duration.ofDays(21)));

		assertThat(jdbc.sql("select count(*) from authorisation_survey_invitation where token_sha256 = ?")
			.param(SurveyLinks.sha256(token))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from authorisation_survey_invitation where token_sha256 = ?")
			.param(token)
			.query(Integer.class)
			.single()).isZero();
		mvc.perform(get("/survey/{token}", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The CCG involves patients in its plans")));

		assertThat(surveyLinks.answer(token, List.of(4, 2))).isEqualTo(SurveyLink.Status.OPEN);
		assertThat(surveyLinks.answer(token, List.of(5, 5))).isEqualTo(SurveyLink.Status.USED);
		mvc.perform(get("/survey/{token}", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Each link can be used once")));

		String expired = ActingAs.system(() -> surveyLinks.issue(survey, "01B", "Provider", Duration.ofSeconds(-1)));
		mvc.perform(get("/survey/{token}", expired))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("has passed")));

		String revoked = ActingAs.system(() -> surveyLinks.issue(survey, "01B", "Local authority", Duration.ofDays(21)));
		ActingAs.system(() -> surveyLinks.revoke(revoked));
		mvc.perform(get("/survey/{token}", revoked))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("withdrawn")));

		mvc.perform(get("/survey/{token}", "not-a-token"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("01B"))));
	}

	@Test
	void resultsGiveWilsonIntervalsAgainstTheNationalShareAndNoBreakdownUnderFiveResponses() throws Exception {
		long survey = ActingAs.system(() -> surveyLinks.createSurvey("360 results survey",
				List.of(new SurveyLink.Question(1, 6, "The CCG's leaders are credible"))));
		for (int agreement : List.of(4, 5, 4, 2, 1)) {
			String token = ActingAs.system(() -> surveyLinks.issue(survey, "01B", "Provider", Duration.ofDays(21)));
			surveyLinks.answer(token, List.of(agreement));
		}
		for (int agreement : List.of(5, 5)) {
			String token = ActingAs.system(() -> surveyLinks.issue(survey, "01A", "Provider", Duration.ofDays(21)));
			surveyLinks.answer(token, List.of(agreement));
		}
		SignedInUsers signedIn = fixture.signedIn();

		// 3 of 5 agree: 60%, Wilson 23.1% to 88.2%; nationally 5 of 7, 71.4%.
		mvc.perform(get("/api/v1/authorisation/surveys/{id}/results", survey).param("ccg", "01B")
			.with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].question").value("The CCG's leaders are credible"))
			.andExpect(jsonPath("$[0].responses").value(5))
			.andExpect(jsonPath("$[0].agree").value(3))
			.andExpect(jsonPath("$[0].agreePercent").value(60.0))
			.andExpect(jsonPath("$[0].lower95").value(23.1))
			.andExpect(jsonPath("$[0].upper95").value(88.2))
			.andExpect(jsonPath("$[0].nationalAgreePercent").value(71.4));
		mvc.perform(get("/api/v1/authorisation/surveys/{id}/results", survey).param("ccg", "01A")
			.with(signedIn.as("auth-01a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].responses").value(2))
			.andExpect(jsonPath("$[0].agree").doesNotExist())
			.andExpect(jsonPath("$[0].lower95").doesNotExist());
		mvc.perform(get("/api/v1/authorisation/surveys/{id}/results", survey).param("ccg", "01B")
			.with(signedIn.as("auth-01a"))).andExpect(status().isForbidden());
	}

	private void reviewAsNational(long condition, ReviewForm form) {
		fixture.as("auth-national", () -> authorisation.review(condition, form));
	}

	private long condition(String ccg, String criterion) {
		return jdbc.sql("select id from authorisation_condition where ccg_code = ? and criterion_code = ?")
			.params(ccg, criterion)
			.query(Long.class)
			.single();
	}
}
