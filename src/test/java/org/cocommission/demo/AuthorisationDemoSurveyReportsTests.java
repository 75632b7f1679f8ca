package org.cocommission.demo;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo publishes a few 360 survey reports, as the CCGs and NHS England would, so that a visitor signed out finds
 * some in the public list. Same configuration as {@link DemoDataLoaderTests}, so the context (and its demo) is shared.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class AuthorisationDemoSurveyReportsTests {

	@Autowired
	AuthorisationDemo demo;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorSignedOutFindsTheReportsTheCcgsAndNhsEnglandPublished() throws Exception {
		// The survey is loaded, and its reports published, in the background after the start.
		assertThat(demo.surveyLoaded().get(3, TimeUnit.MINUTES)).isTrue();

		record Published(String ccgCode, long surveyId, String publishedBy, int answered, boolean closed) {
		}
		List<Published> published = jdbc.sql("""
				select p.ccg_code, p.survey_id, p.published_by,
				  (select count(used_at) from authorisation_survey_invitation i
				   where i.survey_id = p.survey_id and i.ccg_code = p.ccg_code) as answered,
				  (select bool_and(used_at is not null or expires_at <= now()) from authorisation_survey_invitation i
				   where i.survey_id = p.survey_id and i.ccg_code = p.ccg_code) as closed
				from authorisation_survey_report_publication p order by p.ccg_code""").query(Published.class).list();
		assertThat(published).hasSizeBetween(2, 8).allSatisfy(report -> {
			// At least the anonymity threshold of 5 answered (docs/domain-rules.md), and the survey is closed.
			assertThat(report.answered()).isGreaterThanOrEqualTo(5);
			assertThat(report.closed()).isTrue();
			assertThat(report.publishedBy()).isNotEqualTo("system");
		});
		assertThat(published).extracting(Published::publishedBy)
			.contains(DemoUsers.NATIONAL)
			.anyMatch(by -> by.startsWith("ccg-"));

		mvc.perform(get("/api/v1/authorisation/survey-reports"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(published.size()));
		mvc.perform(get("/authorisation/survey-reports"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("No report is published yet"))));
		Published first = published.get(0);
		mvc.perform(get("/api/v1/authorisation/survey-reports/{code}/{id}", first.ccgCode(), first.surveyId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answered").value(first.answered()));
	}
}
