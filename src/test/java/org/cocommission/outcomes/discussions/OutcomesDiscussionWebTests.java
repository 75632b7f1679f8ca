package org.cocommission.outcomes.discussions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ObservationImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.discussions.DiscussionTestData.INDICATOR;
import static org.cocommission.outcomes.discussions.DiscussionTestData.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The "Done when" through the pages (a commissioner sees the CCG against its peers, opens the deciles chart and
 * starts a discussion with a peer, who replies with a mention; an unrelated CCG is refused), and the JSON API.
 */
@SpringBootTest(properties = "cocommission.test.context=discussion")
@AutoConfigureMockMvc
class OutcomesDiscussionWebTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports observations;

	@Autowired
	OutcomesDiscussionWebTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports observations) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.observations = observations;
	}

	@BeforeEach
	void data() {
		DiscussionTestData.load(jdbc, directoryImports, accounts, users, observations);
	}

	@Test
	void aCommissionerStartsADiscussionWithAPeerWhoRepliesWithAMentionWhileAnUnrelatedCcgIsRefused() throws Exception {
		RequestPostProcessor commissioner = session("disc-ccg-01a");
		mvc.perform(get("/outcomes").with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/outcomes/ccgs/01A\"")))
			.andExpect(content().string(containsString("href=\"/outcomes/discussions\"")));
		mvc.perform(get("/outcomes/ccgs/01A").with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"discuss-with-peer\"")))
			.andExpect(content().string(containsString("<option value=\"01B\">NHS CCG 01B (01B)</option>")));
		mvc.perform(get("/outcomes/indicators/" + INDICATOR).param("level", "ccg").param("org", "01A").with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart-type=\"deciles\"")))
			.andExpect(content().string(containsString("Start a discussion about 01A")));
		// The CCG page's "discuss with a peer" form is a GET to the start form.
		mvc.perform(get("/outcomes/discussions/new").param("org", "01A").param("peer", "01B").param("indicator", INDICATOR)
			.param("chart", "deciles")
			.with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"01B\" selected=\"selected\">")))
			.andExpect(content().string(containsString("id=\"chart-deciles\" name=\"chart\" type=\"radio\" value=\"deciles\" checked=\"checked\"")));
		String location = mvc.perform(post("/outcomes/discussions").with(commissioner).with(csrf())
			.param("orgCode", "01A")
			.param("peerCode", "01B")
			.param("indicatorId", INDICATOR)
			.param("period", "")
			.param("title", "Why is our HbA1c control behind 01B?")
			.param("text", "Our line sits under the median; how do you run your reviews?")
			.param("published", "true")
			.param("chart", "deciles"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/outcomes/discussions/\\d+");
		mvc.perform(get(location).with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Why is our HbA1c control behind 01B?")))
			.andExpect(content().string(containsString("data-snapshot-type=\"deciles\"")))
			.andExpect(content().string(containsString("Deciles of")));

		RequestPostProcessor peer = session("disc-ccg-01b");
		mvc.perform(get("/outcomes/discussions").with(peer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Why is our HbA1c control behind 01B?")));
		String reply = mvc.perform(post(location + "/comments").with(peer).with(csrf())
			.param("text", "Happy to share, @disc-ccg-01a: we recall every patient twice a year.")
			.param("published", "true")
			.param("chart", "funnel"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(reply).startsWith(location + "#comment-");
		mvc.perform(get(location).with(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark class=\"cc-mention\">@disc-ccg-01a</mark>")))
			.andExpect(content().string(containsString("data-snapshot-type=\"funnel\"")));
		mvc.perform(get("/notices").with(commissioner)).andExpect(content().string(containsString("mentioned you")));

		RequestPostProcessor unrelated = session("disc-ccg-02e");
		mvc.perform(get(location).with(unrelated)).andExpect(status().isForbidden());
		mvc.perform(post(location + "/comments").with(unrelated).with(csrf()).param("text", "hello").param("published", "true"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/outcomes/discussions").with(unrelated))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-discussions\"")))
			.andExpect(content().string(not(containsString("HbA1c control behind"))));

		mvc.perform(post(location + "/close").with(peer).with(csrf()).param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post(location + "/close").with(commissioner).with(csrf()).param("version", "0"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(location).with(peer))
			.andExpect(content().string(containsString("id=\"closed-note\"")))
			.andExpect(content().string(not(containsString("id=\"comment-form\""))));
		mvc.perform(post(location + "/reopen").with(commissioner).with(csrf()).param("version", "0"))
			.andExpect(status().isConflict());
	}

	@Test
	void aFormWithProblemsShowsAnErrorSummaryAndSavesNothing() throws Exception {
		mvc.perform(post("/outcomes/discussions").with(session("disc-ccg-01a")).with(csrf())
			.param("orgCode", "01A")
			.param("indicatorId", INDICATOR)
			.param("title", "")
			.param("text", "Ask @disc-ccg-02e")
			.param("chart", "none"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nhsuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#title\">Enter a title</a>")));
		mvc.perform(post("/outcomes/discussions").with(session("disc-ccg-01a")).with(csrf())
			.param("orgCode", "01A")
			.param("indicatorId", INDICATOR)
			.param("title", "Mentioning an outsider")
			.param("text", "Ask @disc-ccg-02e")
			.param("chart", "none"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("@disc-ccg-02e cannot see this discussion")));
		assertThat(jdbc.sql("select count(*) from outcomes_discussion").query(Long.class).single()).isZero();
		mvc.perform(get("/outcomes/discussions/424242").with(session("disc-ccg-01a")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/outcomes/discussions/new").with(session("disc-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"choose-organisation\"")));
		mvc.perform(get("/outcomes/discussions/new").param("org", "01A").with(session("disc-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"01C\">NHS CCG 01C (01C)</option>")));
	}

	@Test
	void theApiStartsListsCommentsAndClosesWithTheSameRules() throws Exception {
		String body = mvc.perform(post("/api/v1/outcomes/discussions").with(httpBasic("disc-ccg-01a", PASSWORD)).with(csrf())
			.contentType("application/json")
			.content("""
					{"orgCode": "01A", "indicatorId": "%s", "peerCode": "01C", "title": "By the API",
					 "text": "Spine attached", "published": true, "chart": "spine"}""".formatted(INDICATOR)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.peerCode").value("01C"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		mvc.perform(get("/api/v1/outcomes/discussions/" + id).with(httpBasic("disc-ccg-01c", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments[0].chart.kind").value("SPINE"))
			.andExpect(jsonPath("$.comments[0].chart.rows[0][0]").value(INDICATOR));
		mvc.perform(post("/api/v1/outcomes/discussions/" + id + "/comments").with(httpBasic("disc-ccg-01c", PASSWORD))
			.with(csrf())
			.contentType("application/json")
			.content("{\"text\": \"Draft for us\", \"published\": false}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.published").value(false));
		mvc.perform(get("/api/v1/outcomes/discussions/" + id).with(httpBasic("disc-ccg-01a", PASSWORD)))
			.andExpect(jsonPath("$.comments.length()").value(1));
		mvc.perform(post("/api/v1/outcomes/discussions/" + id + "/comments").with(httpBasic("disc-ccg-01a", PASSWORD))
			.with(csrf())
			.contentType("application/json")
			.content("{\"text\": \"\", \"chart\": \"pie\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.text").value("Enter a comment"))
			.andExpect(jsonPath("$.errors.chart").exists());
		mvc.perform(get("/api/v1/outcomes/discussions").param("org", "01C").with(httpBasic("disc-ccg-01c", PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
		mvc.perform(get("/api/v1/outcomes/discussions/" + id).with(httpBasic("disc-ccg-02e", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/outcomes/discussions").with(httpBasic("disc-ccg-02e", PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/outcomes/discussions/" + id + "/close").param("version", "0")
			.with(httpBasic("disc-ccg-01a", PASSWORD))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(post("/api/v1/outcomes/discussions/" + id + "/reopen").param("version", "0")
			.with(httpBasic("disc-ccg-01a", PASSWORD))
			.with(csrf())).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/outcomes/discussions/999999").with(httpBasic("disc-ccg-01a", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	/** Pages take the session of a form login, as a browser does. */
	private RequestPostProcessor session(String username) throws Exception {
		Cookie cookie = mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		return request -> {
			request.setCookies(cookie);
			return request;
		};
	}
}
