package org.cocommission.authorisation.applications;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.Assurance;
import org.cocommission.authorisation.AssuranceRating;
import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.AuthorisationFixture;
import org.cocommission.authorisation.CarriedCondition;
import org.cocommission.authorisation.CcgOutcome;
import org.cocommission.authorisation.NewOutcome;
import org.cocommission.authorisation.OutcomeKind;
import org.cocommission.authorisation.OutcomeRow;
import org.cocommission.authorisation.OverdueReview;
import org.cocommission.authorisation.ReviewForm;
import org.cocommission.authorisation.SupportLevel;
import org.cocommission.authorisation.panel.OverdueReviewAlerts;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.SignedInUsers;
import org.cocommission.identity.UserAccounts;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application from start to the panel's decision, as new users would go: CCG 01D submits its evidence, an assessor
 * from another CCG reviews it (an assessor not assigned cannot), and the panel authorises with two conditions, one
 * with directions; the CCG downloads its letter. Also annual assurance ratings, and the alerts for overdue reviews.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
@AutoConfigureMockMvc
@RecordApplicationEvents
// A context of its own (and no morning job): these tests add outcomes that AuthorisationModuleTests' totals do not expect.
@Import(AuthorisationFixture.class)
@TestPropertySource(properties = "cocommission.authorisation.review-alerts-cron=-")
class ApplicationModuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Authorisation authorisation;

	@Autowired
	AuthorisationApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Assurance assurance;

	@Autowired
	OverdueReviewAlerts alerts;

	@Autowired
	DirectoryImports imports;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuthorisationFixture fixture;

	SignedInUsers signedIn;

	@BeforeEach
	void data() {
		fixture.directoryUsersAndOutcomes();
		signedIn = fixture.signedIn();
	}

	@Test
	void aCcgAppliesAnAssignedAssessorReviewsAndThePanelAuthorisesWithTwoConditions() throws Exception {
		mvc.perform(post("/authorisation/ccgs/01D/application").with(signedIn.as("auth-01a"))
			.with(csrf())
			.param("wave", "4")).andExpect(status().isForbidden());
		String location = mvc.perform(post("/authorisation/ccgs/01D/application").with(signedIn.as("auth-01d"))
			.with(csrf())
			.param("wave", "4")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		mvc.perform(multipart("/authorisation/applications/{id}/evidence", id)
			.file(new MockMultipartFile("file", "plan.pdf", "application/pdf", "not a pdf".getBytes()))
			.param("criterionCode", "1.1")
			.param("title", "Commissioning plan")
			.with(signedIn.as("auth-01d"))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("The file is not a PDF")));
		mvc.perform(multipart("/authorisation/applications/{id}/evidence", id)
			.file(new MockMultipartFile("file", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes()))
			.param("criterionCode", "1.1")
			.param("title", "Commissioning plan")
			.with(signedIn.as("auth-01d"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> fixture.as("auth-01d", () -> applications.submit(id, "Ready")))
			.hasMessageContaining("none yet for 1.2");
		for (Application.CriterionFile file : fixture.as("auth-01d", () -> applications.application(id))
			.criteria()) {
			if (file.needsEvidence() && file.evidence().isEmpty()) {
				fixture.as("auth-01d", () -> applications.addEvidence(id, file.criterion().code(),
						"Evidence for " + file.criterion().code(), "https://merged.example.nhs.uk/" + file.criterion().code(),
						null, null));
			}
		}
		mvc.perform(post("/authorisation/applications/{id}/submit", id).with(signedIn.as("auth-01d"))
			.with(csrf())
			.param("selfAssessment", "We meet every domain; leadership still forming"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(post("/authorisation/applications/{id}/assessors", id).with(signedIn.as("auth-01d"))
			.with(csrf())
			.param("username", "auth-01d")).andExpect(status().isForbidden());
		mvc.perform(post("/authorisation/applications/{id}/assessors", id).with(signedIn.as("auth-national"))
			.with(csrf())
			.param("username", "auth-assessor")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/authorisation/applications/{id}", id).with(signedIn.as("auth-assessor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record a recommendation")));
		mvc.perform(get("/authorisation/applications/{id}", id).with(signedIn.as("auth-01a")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/authorisation/applications/{id}/recommendations", id).with(signedIn.as("auth-01a"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/authorisation/applications/{id}/recommendations", id).with(signedIn.as("auth-assessor"))
			.with(csrf())
			.param("criterionCode", "4.2")
			.param("stage", "DESKTOP")
			.param("met", "false")
			.param("note", "No secondary care doctor appointed")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/authorisation/applications/{id}/site-visit", id).with(signedIn.as("auth-assessor"))
			.with(csrf())
			.param("visitedOn", "2027-01-12")
			.param("note", "Clinical leadership strong; governing body incomplete")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/authorisation/applications/{id}/evidence/{e}", id,
				jdbc.sql("select id from authorisation_evidence where application_id = ? and content is not null")
					.param(id)
					.query(Long.class)
					.single())
			.with(signedIn.as("auth-assessor"))).andExpect(status().isOk()).andExpect(content().bytes("%PDF-1.4 plan".getBytes()));

		mvc.perform(get("/authorisation/applications/{id}/decision", id).with(signedIn.as("auth-01d")))
			.andExpect(status().isForbidden());
		Map<String, FindingChoice> findings = new LinkedHashMap<>();
		authorisation.framework(Authorisation.FRAMEWORK_2012_13)
			.domains()
			.forEach(domain -> domain.criteria().forEach(criterion -> findings.put(criterion.code(), FindingChoice.MET)));
		findings.remove("6.4");
		var incomplete = post("/authorisation/applications/{id}/decision", id).with(signedIn.as("auth-national")).with(csrf());
		findings.forEach((code, choice) -> incomplete.param("findings[" + code + "]", choice.name()));
		mvc.perform(incomplete).andExpect(status().isOk()).andExpect(content().string(containsString("none yet for 6.4")));

		findings.put("6.4", FindingChoice.MET);
		findings.put("4.2", FindingChoice.LEVEL_IV_DIRECTIONS);
		findings.put("3.1", FindingChoice.LEVEL_II);
		var decision = post("/authorisation/applications/{id}/decision", id).with(signedIn.as("auth-national")).with(csrf());
		findings.forEach((code, choice) -> decision.param("findings[" + code + "]", choice.name()));
		mvc.perform(decision).andExpect(status().is3xxRedirection());

		assertThat(authorisation.outcomes(4)).contains(new OutcomeRow("01D", OutcomeKind.AUTHORISED_WITH_CONDITIONS, 2, true));
		CcgOutcome outcome = fixture.as("auth-01d", () -> authorisation.ccgOutcome("01D"));
		assertThat(outcome.conditions()).extracting(CcgOutcome.Condition::criterionCode, CcgOutcome.Condition::supportLevel,
				CcgOutcome.Condition::directions)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("4.2", SupportLevel.IV, true),
					org.assertj.core.groups.Tuple.tuple("3.1", SupportLevel.II, false));
		byte[] letter = mvc.perform(get("/authorisation/ccgs/01D/letter.pdf").with(signedIn.as("auth-01d")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(letter, 0, 5)).isEqualTo("%PDF-");
		mvc.perform(get("/authorisation/ccgs/01D/letter.pdf").with(signedIn.as("auth-01a"))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> ActingAs.system(() -> applications.decide(id, new DecisionForm(findings, false))))
			.hasMessageContaining("submitted");
	}

	@Test
	void aWaveOpensForACcgCreatedByAMergerAndItsApplicationCarriesThePredecessorsConditionsInForce()
			throws Exception {
		// A fixture merger: 01F and 01G merge into 01H on 1 April 2018 (the directory's successor file).
		ActingAs.system(() -> {
			org.cocommission.directory.OdsTestFiles.importOds(imports, org.cocommission.directory.OdsFile.ECCG,
					org.cocommission.directory.OdsTestFiles.organisation("01A", "NHS FIRST CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01B", "NHS SECOND CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01C", "NHS THIRD CCG", "Y01", "Q02")
							+ org.cocommission.directory.OdsTestFiles.organisation("01D", "NHS MERGED CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01E", "NHS FIFTH CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01F", "NHS SIXTH CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01G", "NHS SEVENTH CCG", "Y01", "Q01")
							+ org.cocommission.directory.OdsTestFiles.organisation("01H", "NHS RIVERS CCG", "Y01", "Q01",
									"20180401"));
			imports.importFile("succ", "succ.csv", new java.io.ByteArrayInputStream(
					"\"01F\",\"01H\",\"\",\"20180401\",\"0\"\n\"01G\",\"01H\",\"\",\"20180401\",\"0\"\n"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			authorisation.recordOutcomes(List.of(
					new NewOutcome("01F", 2, OutcomeKind.AUTHORISED_WITH_CONDITIONS,
							List.of(new NewOutcome.NewCondition("1.1", SupportLevel.II, false, null),
									new NewOutcome.NewCondition("2.1", SupportLevel.I, false, LocalDate.of(2013, 9, 30)))),
					new NewOutcome("01G", 3, OutcomeKind.AUTHORISED_WITH_CONDITIONS,
							List.of(new NewOutcome.NewCondition("3.1", SupportLevel.IV, true, null)))));
		});
		accounts.create(new org.cocommission.identity.NewUser("auth-01h", "CCG 01H", null,
				org.cocommission.identity.Role.CCG, "01H", AuthorisationFixture.PASSWORD));

		// Only for a CCG the directory names predecessors of; only NHS England opens it.
		assertThatThrownBy(() -> ActingAs.system(() -> authorisation.openWaveForMergedCcg("01E", LocalDate.of(2018, 6, 1))))
			.isInstanceOf(org.cocommission.platform.InvalidInputException.class);
		assertThatThrownBy(() -> fixture.as("auth-q01",
				() -> authorisation.openWaveForMergedCcg("01H", LocalDate.of(2018, 6, 1))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		int wave = fixture.as("auth-national",
				() -> authorisation.openWaveForMergedCcg("01H", LocalDate.of(2018, 6, 1)));
		assertThat(wave).isGreaterThan(4);
		assertThat(ActingAs.system(() -> authorisation.openWaveForMergedCcg("01H", LocalDate.of(2018, 6, 1))))
			.isEqualTo(wave);

		long application = jdbc.sql("select id from authorisation_application where ccg_code = '01H'")
			.query(Long.class)
			.single();
		Application app = fixture.as("auth-01h", () -> applications.application(application));
		assertThat(app.wave()).isEqualTo(wave);
		assertThat(app.status()).isEqualTo(Application.Status.DRAFT);
		// 01F's discharged condition stays behind; the two in force come, each saying where from.
		assertThat(app.carriedConditions())
			.extracting(CarriedCondition::fromCode, CarriedCondition::fromName, CarriedCondition::criterionCode,
					CarriedCondition::directions)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("01F", "NHS SIXTH CCG", "1.1", false),
					org.assertj.core.groups.Tuple.tuple("01G", "NHS SEVENTH CCG", "3.1", true));
		mvc.perform(get("/authorisation/applications/{id}", application).with(signedIn.as("auth-01h")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Conditions carried over from the CCGs it replaced")))
			.andExpect(content().string(containsString("NHS SEVENTH CCG (01G)")))
			.andExpect(content().string(containsString("Level IV: a team or person supplied by the Board")));
		// Its authorisation page says no panel has decided yet, rather than "not found"; an unknown CCG is still 404.
		mvc.perform(get("/authorisation/ccgs/01H").with(signedIn.as("auth-01h")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No authorisation panel has decided on this CCG yet")));
		mvc.perform(get("/authorisation/ccgs/ZZZ").with(signedIn.as("auth-national")))
			.andExpect(status().isNotFound());
		// An application without a merger behind it says nothing of carried conditions.
		assertThat(fixture.as("auth-national", () -> authorisation.carriedConditions("01E",
				LocalDate.now()))).isEmpty();
	}

	@Test
	void annualAssuranceRatingsArePublishedAsPageJsonAndCsvAndOnlyNhsEnglandRecordsThem() throws Exception {
		ActingAs.system(() -> assurance.record(java.util.List.of(
				new Assurance.Rating("01A", 2016, AssuranceRating.GOOD, "Year-end assessment"),
				new Assurance.Rating("01B", 2016, AssuranceRating.REQUIRES_IMPROVEMENT, "Year-end assessment"),
				new Assurance.Rating("01B", 2017, AssuranceRating.GOOD, "Improved finances"))));

		mvc.perform(get("/api/v1/authorisation/assurance").param("year", "2016"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].ccgCode").value("01B"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].rating")
				.value("REQUIRES_IMPROVEMENT"));
		mvc.perform(get("/api/v1/authorisation/assurance/ccgs/01B"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].year").value(2017))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].rating").value("GOOD"));
		mvc.perform(get("/authorisation/assurance").param("year", "2016"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS SECOND CCG (01B)")))
			.andExpect(content().string(containsString("Requires improvement")))
			.andExpect(content().string(containsString("2017/18")));
		mvc.perform(get("/authorisation/assurance.csv").param("year", "2016"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Requires improvement")));
		assertThatThrownBy(() -> fixture.as("auth-01b", () -> assurance.record(java.util.List.of(
				new Assurance.Rating("01B", 2016, AssuranceRating.OUTSTANDING, "Self-rated")))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> ActingAs.system(() -> assurance.record(java.util.List.of(
				new Assurance.Rating("01B", 2015, AssuranceRating.GOOD, "Too early")))))
			.hasMessageContaining("2016/17");
		assertThat(assurance.counts()).extracting(Assurance.YearCounts::year).containsExactly(2016, 2017);
	}
	@Test
	void anOverdueQuarterlyReviewAlertsTheAreaTeamOnceAndShowsOnThePages() throws Exception {
		ActingAs.system(() -> authorisation.recordOutcomes(List.of(new NewOutcome("01E", 3,
				OutcomeKind.AUTHORISED_WITH_CONDITIONS,
				List.of(new NewOutcome.NewCondition("2.1", SupportLevel.I, false, null))))));
		long condition = jdbc.sql("select id from authorisation_condition where ccg_code = '01E'")
			.query(Long.class)
			.single();

		// Imposed on 28 February 2013, so due on 28 May 2013: not overdue that day, overdue the next.
		assertThat(authorisation.overdueReviews(LocalDate.of(2013, 5, 28)))
			.noneMatch(overdue -> overdue.conditionId() == condition);
		assertThat(authorisation.overdueReviews(LocalDate.of(2013, 5, 29)))
			.contains(new OverdueReview(condition, "01E", "2.1", LocalDate.of(2013, 5, 28)));
		alerts.alert(LocalDate.of(2013, 6, 1));
		alerts.alert(LocalDate.of(2013, 6, 2));
		assertThat(jdbc.sql("select count(*) from notification_notice where recipient = 'auth-q01' and title like ?")
			.param("%01E, criterion 2.1")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification_notice where recipient <> 'auth-q01' and title like ?")
			.param("%01E, criterion 2.1")
			.query(Integer.class)
			.single()).isZero();

				mvc.perform(get("/authorisation/ccgs/01E").with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Overdue: was due on 28 May 2013")));
		mvc.perform(get("/authorisation").with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS FIFTH CCG (01E)")));

		// A review puts the next one three months on.
		fixture.as("auth-national", () -> authorisation.review(condition,
				new ReviewForm(LocalDate.of(2013, 6, 3), false, "Plan in progress")));
		assertThat(authorisation.overdueReviews(LocalDate.of(2013, 9, 3)))
			.noneMatch(overdue -> overdue.conditionId() == condition);
	}

}
