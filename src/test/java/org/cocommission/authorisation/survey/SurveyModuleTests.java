package org.cocommission.authorisation.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.AuthorisationFixture;
import org.cocommission.authorisation.SentEmails;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.SignedInUsers;
import org.cocommission.notification.Notifications;
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
 * The 360 survey's front half on the embedded PostgreSQL: a CCG keeps its stakeholder list, NHS England builds the
 * questionnaire and e-mails one-time links through the outbox, and a stakeholder answers on the page without an
 * account, once. Same configuration as {@link AuthorisationModuleTests}, so the context is shared.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({ SentEmails.Configuration.class, AuthorisationFixture.class })
@TestPropertySource(properties = "cocommission.mail.outbox-delay=1h")
class SurveyModuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyLinks links;

	@Autowired
	SurveyReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentEmails sent;

	@Autowired
	OutboxSender outbox;

	@Autowired
	AuthorisationFixture fixture;

	SignedInUsers signedIn;

	@BeforeEach
	void data() {
		fixture.directoryUsersAndOutcomes();
		signedIn = fixture.signedIn();
	}

	@Test
	void theOutboxNeverHoldsAUsableLinkAndTheLinkInTheEmailSentWorksOnce() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 outbox survey", 2013,
				List.of(new SurveyLink.Question(1, 2, "The CCG asks patients before it decides"))));
		long stakeholder = ActingAs.system(() -> surveys.addStakeholder("01A", new StakeholderForm("First Healthwatch",
				StakeholderGroup.PATIENT_GROUP, "Chair", "chair@first-healthwatch.example.org")));
		ActingAs.system(() -> surveys.invite(survey, "01A", 14));
		long reminded = jdbc.sql("select id from authorisation_survey_invitation where survey_id = ? and stakeholder_id = ?")
			.params(survey, stakeholder)
			.query(Long.class)
			.single();
		ActingAs.system(() -> reminders.remind(Instant.now().plus(Duration.ofDays(10))));

		// Everything the outbox keeps (which NHS England's users read): no token that opens the survey.
		List<String> stored = jdbc.sql("select body || ' ' || coalesce(link_reference, '') from notification_email_outbox"
				+ " where recipient = ?").param("chair@first-healthwatch.example.org").query(String.class).list();
		assertThat(stored).hasSize(2).allSatisfy(row -> {
			assertThat(row).contains(Notifications.LINK);
			Matcher words = Pattern.compile("[A-Za-z0-9_-]{20,}").matcher(row);
			while (words.find()) {
				String word = words.group();
				assertThat(ActingAs.system(() -> links.open(word))).as(word).isEmpty();
			}
		});
		mvc.perform(get("/outbox").with(signedIn.as("auth-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("one-time link, made when the e-mail is sent")))
			.andExpect(content().string(not(containsString("/survey/"))));

		// The e-mails sent carry links that work, once between them (both open the same invitation).
		String first = sent.token(outbox, "chair@first-healthwatch.example.org", "360");
		String reminder = sent.token(outbox, "chair@first-healthwatch.example.org", "Reminder");
		assertThat(first).isNotEqualTo(reminder);
		assertThat(sent.sentTo("chair@first-healthwatch.example.org")).hasSize(2)
			.allSatisfy(mail -> assertThat(mail.getText()).doesNotContain(Notifications.LINK));
		mvc.perform(get("/survey/{token}", first)).andExpect(status().isOk());
		mvc.perform(post("/survey/{token}", first).with(csrf()).param("agreement[0]", "4"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you for your answers")));
		mvc.perform(get("/survey/{token}", first)).andExpect(status().isGone());
		mvc.perform(get("/survey/{token}", reminder)).andExpect(status().isGone());
		assertThat(jdbc.sql("select used_at is not null from authorisation_survey_invitation where id = ?")
			.param(reminded)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anInvitationWithdrawnBeforeItsEmailLeavesIsNotSent() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 withdrawn survey", 2013,
				List.of(new SurveyLink.Question(1, 2, "The CCG asks patients before it decides"))));
		long stakeholder = ActingAs.system(() -> surveys.addStakeholder("01A", new StakeholderForm("First Council",
				StakeholderGroup.LOCAL_AUTHORITY, "Chief executive", "ce@first.example.gov.uk")));
		ActingAs.system(() -> surveys.invite(survey, "01A", 14));
		ActingAs.system(() -> {
			surveys.removeStakeholder("01A", stakeholder);
			return null;
		});
		outbox.sendDue();
		assertThat(sent.sentTo("ce@first.example.gov.uk")).isEmpty();
		assertThat(jdbc.sql("select status from notification_email_outbox where recipient = ?")
			.param("ce@first.example.gov.uk")
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	@Test
	void aCcgKeepsItsOwnStakeholderListItsAreaTeamReadsItAndNoOtherCcgTouchesIt() throws Exception {
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01b"))
			.with(csrf())
			.param("organisation", "Riverside Surgery")
			.param("group", "MEMBER_PRACTICE")
			.param("role", "Practice manager")
			.param("email", "pm.riverside@example.nhs.uk")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01b"))
			.with(csrf())
			.param("organisation", "Riverside Surgery")
			.param("group", "MEMBER_PRACTICE")
			.param("role", "GP partner")
			.param("email", "PM.Riverside@example.nhs.uk"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This e-mail address is on the list already")))
			.andExpect(content().string(containsString("GP partner")));
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01b"))
			.with(csrf())
			.param("organisation", "")
			.param("email", "not-an-address"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the stakeholder group")))
			.andExpect(content().string(containsString("Enter an e-mail address like")));

		mvc.perform(get("/authorisation").with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/authorisation/ccgs/01B/stakeholders")));
		mvc.perform(get("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-q01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("pm.riverside@example.nhs.uk")))
			.andExpect(content().string(not(containsString("Add to the list"))));
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-q01"))
			.with(csrf())
			.param("organisation", "Tees Council")).andExpect(status().isForbidden());
		mvc.perform(get("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01a")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01a"))
			.with(csrf())
			.param("organisation", "Tees Council")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-q01"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/authorisation/ccgs/01B/stakeholders").with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.email == 'pm.riverside@example.nhs.uk')].group").value("MEMBER_PRACTICE"));
	}

	@Test
	void onlyNhsEnglandBuildsTheQuestionnaireAndItIsFixedOnceLinksAreOut() throws Exception {
		mvc.perform(get("/authorisation/surveys").with(signedIn.as("auth-01b"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/authorisation/surveys").with(signedIn.as("auth-q01"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());

		String location = mvc.perform(post("/authorisation/surveys").with(signedIn.as("auth-national"))
			.with(csrf())
			.param("name", "360 stakeholder survey 2017")
			.param("year", "2017"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long survey = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post("/authorisation/surveys/{id}/questions", survey).with(signedIn.as("auth-national"))
			.with(csrf())
			.param("domainNumber", "2")
			.param("text", "The CCG involves patients in its plans")
			.param("scale", "AGREE_5")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/authorisation/surveys/{id}/questions", survey).with(signedIn.as("auth-national"))
			.with(csrf())
			.param("domainNumber", "6")
			.param("text", "What should the CCG's leaders do differently?")
			.param("scale", "FREE_TEXT")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/authorisation/surveys/{id}/questions", survey).with(signedIn.as("auth-national"))
			.with(csrf())
			.param("domainNumber", "9")
			.param("text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a domain from 1 to 6")))
			.andExpect(content().string(containsString("Enter the question")));

		mvc.perform(get("/authorisation/surveys/{id}", survey).with(signedIn.as("auth-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2. Meaningful engagement with patients")))
			.andExpect(content().string(containsString("Free text")));

		fixture.as("auth-national", () -> surveys.addStakeholder("01A",
				new StakeholderForm("North Trust", StakeholderGroup.PROVIDER, "Medical director", "md@north.example.nhs.uk")));
		fixture.as("auth-national", () -> surveys.invite(survey, "01A", 21));
		assertThatThrownBy(() -> fixture.as("auth-national",
				() -> surveys.addQuestion(survey, new QuestionForm(1, "Another", QuestionScale.AGREE_5))))
			.hasMessageContaining("fixed");
	}

	@Test
	void aStakeholderAnswersFromTheEmailedLinkOnceWithoutAnAccount() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 stakeholder survey 2013", 2013,
				List.of(new SurveyLink.Question(1, 1, "The CCG's clinical leaders add value"),
						new SurveyLink.Question(2, 2, "The CCG involves patients in its plans"),
						new SurveyLink.Question(3, 6, "What would you change?", QuestionScale.FREE_TEXT))));
		fixture.as("auth-01b", () -> {
			surveys.addStakeholder("01B", new StakeholderForm("Tees Council", StakeholderGroup.LOCAL_AUTHORITY,
					"Director of public health", "dph@tees.example.gov.uk"));
			surveys.addStakeholder("01B", new StakeholderForm("Tees Healthwatch", StakeholderGroup.PATIENT_GROUP,
					"Chair", "chair@healthwatch.example.org"));
		});

		mvc.perform(get("/authorisation/surveys/{id}/invite", survey).param("ccgCode", "01B")
			.param("validForDays", "14")
			.with(signedIn.as("auth-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("dph@tees.example.gov.uk")))
			.andExpect(content().string(containsString("stops working after 14 days")));
		mvc.perform(post("/authorisation/surveys/{id}/invite", survey).param("ccgCode", "01B")
			.param("validForDays", "14")
			.with(signedIn.as("auth-national"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		// Inviting again e-mails nobody twice.
		assertThat(fixture.as("auth-national", () -> surveys.invite(survey, "01B", 14))).isZero();

		String body = jdbc.sql("select body from notification_email_outbox where recipient = ?")
			.param("dph@tees.example.gov.uk")
			.query(String.class)
			.single();
		assertThat(body).contains("Director of public health at Tees Council");
		String token = sent.token(outbox, "dph@tees.example.gov.uk");

		mvc.perform(get("/survey/{token}", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS SECOND CCG (01B)")))
			.andExpect(content().string(containsString("Strongly agree")));
		mvc.perform(post("/survey/{token}", token).param("agreement[0]", "4")).andExpect(status().isForbidden());
		mvc.perform(post("/survey/{token}", token).with(csrf()).param("agreement[0]", "4"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Answer question 2")));
		mvc.perform(post("/survey/{token}", token).with(csrf())
			.param("agreement[0]", "4")
			.param("agreement[1]", "2")
			.param("comment[2]", "Publish the minutes sooner"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you for your answers")));
		mvc.perform(post("/survey/{token}", token).with(csrf()).param("agreement[0]", "5").param("agreement[1]", "5"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Each link can be used once")));

		assertThat(jdbc.sql("""
				select a.question_number || ':' || coalesce(a.agreement::text, a.text) from authorisation_survey_answer a
				join authorisation_survey_invitation i on i.id = a.invitation_id where i.survey_id = ?
				order by a.question_number""").param(survey).query(String.class).list())
			.containsExactly("1:4", "2:2", "3:Publish the minutes sooner");
		assertThat(fixture.as("auth-01b", () -> surveys.invitees(survey, "01B")))
			.extracting(Stakeholder::email, Stakeholder::answered)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dph@tees.example.gov.uk", true),
					org.assertj.core.groups.Tuple.tuple("chair@healthwatch.example.org", false));
		mvc.perform(get("/authorisation/surveys/{id}", survey).with(signedIn.as("auth-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50.0%")));
	}

	@Test
	void removingAStakeholderWithdrawsTheirUnusedLink() throws Exception {
		long survey = ActingAs.system(() -> links.createSurvey("360 removal survey", 2014,
				List.of(new SurveyLink.Question(1, 1, "The CCG listens"))));
		long stakeholder = fixture.as("auth-01b", () -> surveys.addStakeholder("01B",
				new StakeholderForm("Wear CCG", StakeholderGroup.NEIGHBOURING_CCG, "Chief officer", "co@wear.example.nhs.uk")));
		ActingAs.system(() -> surveys.invite(survey, "01B", 21));
		String token = sent.token(outbox, "co@wear.example.nhs.uk");

		mvc.perform(get("/authorisation/ccgs/01B/stakeholders/{id}/remove", stakeholder).with(signedIn.as("auth-01b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("stops working")));
		assertThatThrownBy(() -> fixture.as("auth-q01", () -> surveys.removeStakeholder("01B", stakeholder)))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/authorisation/ccgs/01B/stakeholders/{id}/remove", stakeholder).with(signedIn.as("auth-01b"))
			.with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/survey/{token}", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("withdrawn")));
	}
}
