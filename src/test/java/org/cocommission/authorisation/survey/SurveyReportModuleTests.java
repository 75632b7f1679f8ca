package org.cocommission.authorisation.survey;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.AuthorisationFixture;
import org.cocommission.authorisation.SentEmails;
import org.cocommission.authorisation.SurveyDemoData;
import org.cocommission.authorisation.SurveyRemindersSent;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.SignedInUsers;
import org.cocommission.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A CCG's 360 survey report on the embedded PostgreSQL: per question, domain and stakeholder group with Wilson
 * intervals against the national share, no breakdown under 5, as a page, CSV and PDF for the CCG and its area team
 * only. Same configuration as {@link AuthorisationModuleTests}, so the context is shared.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({ SentEmails.Configuration.class, AuthorisationFixture.class })
@TestPropertySource(properties = "cocommission.mail.outbox-delay=1h")
class SurveyReportModuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SurveyLinks links;

	@Autowired
	SurveyReports reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentEmails sent;

	@Autowired
	OutboxSender outbox;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyReminders reminders;

	@Autowired
	SurveyDemoData demo;

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	AuthorisationFixture fixture;

	SignedInUsers signedIn;

	@BeforeEach
	void data() {
		fixture.directoryUsersAndOutcomes();
		signedIn = fixture.signedIn();
	}

	/** Answers from {@code count} stakeholders of a CCG, each giving {@code agreement} to both questions. */
	private void answers(long survey, String ccg, String group, int count, int first, int second) {
		ActingAs.system(() -> {
			for (int index = 0; index < count; index++) {
				String token = links.issue(survey, ccg, group, Duration.ofDays(7));
				links.answer(token, List.of(first, second));
			}
		});
	}

	@Test
	void theReportGivesEachQuestionDomainAndGroupWithWilsonIntervalsAndNothingUnderFive() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 report survey 2013", 2013,
				List.of(new SurveyLink.Question(1, 1, "The CCG's clinical leaders add value"),
						new SurveyLink.Question(2, 2, "The CCG involves patients in its plans"))));
		// 01B: 8 stakeholders, of whom 6 agree with question 1 and 2 with question 2; 01A: only 3 answer.
		answers(survey, "01B", "Member practice", 6, 5, 2);
		answers(survey, "01B", "Patient group", 2, 1, 4);
		answers(survey, "01A", "Provider", 3, 4, 4);

		SurveyReport report = fixture.as("auth-01b", () -> reports.report(survey, "01B"));
		assertThat(report.answered()).isEqualTo(8);
		SurveyResult first = report.questions().get(0).result();
		// 6 of 8: 75.0%, Wilson 95% 40.9% to 92.9%; nationally 9 of 11 (81.8%).
		assertThat(first.agreePercent()).isEqualTo(75.0);
		assertThat(first.lower95()).isEqualTo(40.9);
		assertThat(first.upper95()).isEqualTo(92.9);
		assertThat(first.nationalAgreePercent()).isEqualTo(81.8);
		// Domain 1 holds question 1 only; domain 2 question 2 (2 of 8 agreeing).
		assertThat(report.domains()).extracting(SurveyReport.Breakdown::label)
			.first()
			.asString()
			.startsWith("1. ");
		assertThat(report.domains().get(1).result().agreePercent()).isEqualTo(25.0);
		// Member practices: 6 stakeholders, 12 answers, 6 agreeing; the 2 patient groups get no breakdown.
		assertThat(report.groups()).extracting(SurveyReport.Breakdown::label, SurveyReport.Breakdown::respondents,
				breakdown -> breakdown.result().agreePercent())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Member practice", 6, 50.0),
					org.assertj.core.groups.Tuple.tuple("Patient group", 2, null));

		SurveyReport small = fixture.as("auth-01a", () -> reports.report(survey, "01A"));
		assertThat(small.belowThreshold()).isTrue();
		assertThat(small.questions()).allSatisfy(question -> assertThat(question.result().agreePercent()).isNull());
		assertThat(small.domains()).allSatisfy(domain -> assertThat(domain.shown()).isFalse());

		mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("40.9% to 92.9%")))
			.andExpect(content().string(containsString("data-chart-type=\"survey-report\"")))
			.andExpect(content().string(containsString("Too few responses to show")));
		mvc.perform(get("/authorisation/ccgs/01A/surveys/{id}", survey).with(signedIn.as("auth-01a")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"below-threshold\"")))
			.andExpect(content().string(not(containsString("data-chart-type=\"survey-report\""))));
		mvc.perform(get("/authorisation/ccgs/01B/surveys", survey).with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("360 report survey 2013")));
		mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-01a")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}", survey)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}.csv", survey).with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lower 95% limit (%)")))
			.andExpect(content().string(containsString("Question 1,Domain 1,The CCG's clinical leaders add value,8,6,75.0,40.9,92.9,81.8")));
		mvc.perform(get("/api/v1/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.questions[0].result.lower95")
				.value(40.9))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.answered").value(8));
		mvc.perform(get("/api/v1/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-01a")))
			.andExpect(status().isForbidden());
		byte[] pdf = mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}.pdf", survey).with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	private String link(String recipient, String subjectStart) {
		return sent.token(outbox, recipient, subjectStart);
	}

	private int emails(String recipient) {
		return jdbc.sql("select count(*) from notification_email_outbox where recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	@Test
	void aPublishedReportIsPublicWithTheSameFiguresAndAnUnpublishedOneIsNotFound() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 published survey 2013", 2013,
				List.of(new SurveyLink.Question(1, 1, "The CCG's clinical leaders add value"),
						new SurveyLink.Question(2, 2, "The CCG involves patients in its plans"))));
		answers(survey, "01B", "Member practice", 6, 5, 2);
		answers(survey, "01B", "Patient group", 2, 1, 4);
		answers(survey, "01A", "Provider", 3, 4, 4);
		String page = "/authorisation/survey-reports/01B/" + survey;
		String json = "/api/v1/authorisation/survey-reports/01B/" + survey;
		List<String> roles = List.of("auth-national", "auth-q01", "auth-01a", "auth-01b", "auth-assessor");

		// Private until published: not found to the public and to every role on the public paths.
		mvc.perform(get(page)).andExpect(status().isNotFound());
		mvc.perform(get(page + ".csv")).andExpect(status().isNotFound());
		mvc.perform(get(json)).andExpect(status().isNotFound());
		for (String role : roles) {
			mvc.perform(get(page).with(signedIn.as(role))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not published")))
			.andExpect(content().string(containsString("Publish the report")));

		// Who may publish: the CCG itself and NHS England; its area team reads but does not publish.
		String publish = "/authorisation/ccgs/01B/surveys/" + survey + "/publish";
		mvc.perform(get(publish)).andExpect(status().is3xxRedirection());
		mvc.perform(get(publish).with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("anyone can read the report without signing in")))
			.andExpect(content().string(containsString("fewer than 5 stakeholders still shows no breakdown")));
		mvc.perform(get(publish).with(signedIn.as("auth-national"))).andExpect(status().isOk());
		for (String role : List.of("auth-q01", "auth-01a", "auth-assessor")) {
			mvc.perform(get(publish).with(signedIn.as(role))).andExpect(status().isForbidden());
			mvc.perform(post(publish).with(signedIn.as(role)).with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(post(publish).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get(page)).andExpect(status().isNotFound());

		mvc.perform(post(publish).with(signedIn.as("auth-01b")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(events.stream(org.cocommission.authorisation.SurveyReportPublished.class)
			.filter(event -> event.surveyId() == survey)).singleElement()
			.satisfies(event -> assertThat(event.ccgCode()).isEqualTo("01B"));

		// Public now: the same figures as the CCG reads, on the page, in the CSV and the JSON, for anyone.
		String privateJson = mvc
			.perform(get("/api/v1/authorisation/ccgs/01B/surveys/{id}", survey).with(signedIn.as("auth-01b")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(get(json)).andExpect(status().isOk()).andExpect(content().json(privateJson, true));
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("75.0%")))
			.andExpect(content().string(containsString("40.9% to 92.9%")))
			.andExpect(content().string(not(containsString("Publish the report"))));
		mvc.perform(get(page + ".csv")).andExpect(status().isOk()).andExpect(content().string(containsString("40.9")));
		for (String role : roles) {
			mvc.perform(get(page).with(signedIn.as(role))).andExpect(status().isOk());
		}
		mvc.perform(get("/authorisation/survey-reports"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(page)))
			.andExpect(content().string(not(containsString("/authorisation/survey-reports/01A/" + survey))));

		// 01A, published with 3 answers: public, and still no breakdown.
		mvc.perform(get("/authorisation/survey-reports/01A/{id}", survey)).andExpect(status().isNotFound());
		fixture.as("auth-national", () -> reports.publish(survey, "01A"));
		mvc.perform(get("/api/v1/authorisation/survey-reports/01A/{id}", survey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[0].result.agreePercent").doesNotExist())
			.andExpect(jsonPath("$.answered").value(3));
	}

	@Test
	void aStakeholderWhoHasNotAnsweredIsRemindedOnceBeforeTheLinkExpiresWithASecondLinkThatWorksOnce()
			throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 reminder survey", 2015,
				List.of(new SurveyLink.Question(1, 5, "The CCG works well with partners"))));
		ActingAs.system(() -> {
			surveys.addStakeholder("01E", new StakeholderForm("Fifth Council", StakeholderGroup.LOCAL_AUTHORITY,
					"Director of public health", "dph@fifth.example.gov.uk"));
			surveys.addStakeholder("01E", new StakeholderForm("Fifth Healthwatch", StakeholderGroup.PATIENT_GROUP,
					"Chair", "chair@fifth-healthwatch.example.org"));
			surveys.addStakeholder("01E", new StakeholderForm("Fifth Hospitals NHS Trust", StakeholderGroup.PROVIDER,
					"Medical director", "md@fifth-hospitals.example.nhs.uk"));
			return surveys.invite(survey, "01E", 10);
		});
		java.time.Instant invited = java.time.Instant.now();
		ActingAs.system(() -> links.answer(link("md@fifth-hospitals.example.nhs.uk", "360"), List.of(4)));

		// Eight days before expiry: not yet due (5 days before by default).
		reminders.remind(invited.plus(Duration.ofDays(2)));
		assertThat(emails("dph@fifth.example.gov.uk")).isEqualTo(1);

		reminders.remind(invited.plus(Duration.ofDays(6)));
		reminders.remind(invited.plus(Duration.ofDays(7)));
		assertThat(emails("dph@fifth.example.gov.uk")).isEqualTo(2);
		assertThat(emails("chair@fifth-healthwatch.example.org")).isEqualTo(2);
		assertThat(emails("md@fifth-hospitals.example.nhs.uk")).as("answered: no reminder").isEqualTo(1);
		assertThat(events.stream(SurveyRemindersSent.class)
			.filter(event -> event.surveyId() == survey)
			.toList()).singleElement()
			.satisfies(event -> assertThat(event.reminded()).isEqualTo(2));

		String reminder = link("dph@fifth.example.gov.uk", "Reminder");
		String first = link("dph@fifth.example.gov.uk", "360");
		mvc.perform(get("/survey/{token}", reminder))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The CCG works well with partners")));
		assertThat(ActingAs.system(() -> links.answer(reminder, List.of(5)))).isEqualTo(SurveyLink.Status.OPEN);
		mvc.perform(get("/survey/{token}", first)).andExpect(status().isGone());
		mvc.perform(get("/survey/{token}", reminder)).andExpect(status().isGone());
	}

	@Test
	void theDemoSurveyGivesEveryCcgAnswersWithARealisticSpreadAndSomeUnderTheThreshold() {
		List<String> codes = java.util.stream.IntStream.range(0, 211)
			.mapToObj(index -> "D" + (char) ('A' + index / 26) + (char) ('A' + index % 26))
			.toList();
		List<String> names = codes.stream().map(code -> "NHS TOWN " + code + " CCG").toList();
		long survey = ActingAs.system(() -> demo.load(2012, codes, names));

		record Ccg(String ccgCode, int invited, int answered) {
		}
		List<Ccg> ccgs = jdbc.sql("""
				select ccg_code, count(*) as invited, count(used_at) as answered from authorisation_survey_invitation
				where survey_id = ? group by ccg_code""").param(survey).query(Ccg.class).list();
		assertThat(ccgs).hasSize(211).allSatisfy(ccg -> assertThat(ccg.invited()).isBetween(30, 45));
		assertThat(ccgs.stream().filter(ccg -> ccg.answered() < SurveyResult.ANONYMITY_THRESHOLD).count())
			.isBetween(2L, 15L);
		double rate = ccgs.stream().mapToInt(Ccg::answered).sum() * 100.0
				/ ccgs.stream().mapToInt(Ccg::invited).sum();
		assertThat(rate).isBetween(45.0, 70.0);
		List<SurveyResult> results = fixture.as("auth-national", () -> links.results(survey, "DAA"));
		assertThat(results).hasSize(8)
			.allSatisfy(result -> assertThat(result.nationalAgreePercent()).isBetween(45.0, 90.0));
		assertThat(jdbc.sql("select count(distinct organisation) from authorisation_stakeholder where ccg_code = 'DAA'")
			.query(Integer.class)
			.single()).isGreaterThan(10);
	}
}
