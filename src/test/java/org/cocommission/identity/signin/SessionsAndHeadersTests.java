package org.cocommission.identity.signin;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sessions only where one is needed, CSRF on every write a cookie signs, and the protective headers on every page. */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsAndHeadersTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserAccounts accounts;

	@Test
	void anAnonymousVisitorReadingPublishedPagesWritesNoSession() throws Exception {
		long before = sessions();
		for (String page : new String[] { "/", "/organisations", "/coverage", "/search?q=a",
				"/api/v1/coverage?date=2014-04-01", "/public/governance/decisions" }) {
			mvc.perform(get(page)).andExpect(status().is2xxSuccessful());
		}
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void aSignedInPageCarriesTheCsrfTokenForItsScripts() throws Exception {
		String username = new IdentityFixtures(jdbc, accounts).national();
		Cookie session = signIn(mvc, username, PASSWORD);

		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("<meta name=\"_csrf\"")));
		mvc.perform(get("/")).andExpect(content().string(not(containsString("<meta name=\"_csrf\""))));
	}

	@Test
	void aWriteSignedByTheSessionCookieNeedsItsCsrfTokenEvenWithBasicCredentials() throws Exception {
		String username = new IdentityFixtures(jdbc, accounts).national();
		Cookie session = signIn(mvc, username, PASSWORD);
		String body = """
				{"currentPassword": "%s", "newPassword": "another good password"}""".formatted(PASSWORD);

		mvc.perform(post("/api/v1/me/password").cookie(session)
			.with(httpBasic(username, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("CSRF")));
	}

	@Test
	void everyResponseSaysWhatItMaySendElsewhereAndWhatTheBrowserMayUse() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Permissions-Policy", containsString("camera=()")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get("/api/v1/coverage?date=2014-04-01"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	private long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}
}
