package org.cocommission.identity.signin;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Form login, logout, HTTP Basic, CSRF and what anonymous and under-privileged callers get. */
@SpringBootTest
@AutoConfigureMockMvc
class SigningInTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private IdentityFixtures fixtures;

	@Autowired
	SigningInTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeEach
	void setUp() {
		fixtures = new IdentityFixtures(jdbc, accounts);
	}

	@Test
	void signsInWithTheLoginFormAndKeepsTheSessionInTheDatabase() throws Exception {
		String username = fixtures.ccgUser();

		Cookie session = signIn(mvc, username, PASSWORD);

		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select attribute_name from spring_session_attributes a"
				+ " join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?")
			.param(username)
			.query(String.class)
			.list()).contains("SPRING_SECURITY_CONTEXT");
		mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)));
	}

	@Test
	void signsInWhateverTheCaseOfTheUsername() throws Exception {
		String username = fixtures.ccgUser();

		mvc.perform(formLogin().user(username.toUpperCase(java.util.Locale.ROOT)).password(PASSWORD))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	void neverWritesThePasswordHashIntoTheSession() throws Exception {
		String username = fixtures.ccgUser();
		signIn(mvc, username, PASSWORD);
		String hash = jdbc.sql("select password_hash from identity_user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();

		byte[] stored = jdbc.sql("select a.attribute_bytes from spring_session_attributes a"
				+ " join spring_session s on s.primary_id = a.session_primary_id"
				+ " where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'")
			.param(username)
			.query(byte[].class)
			.single();

		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(hash)
			.contains(username);
	}

	@Test
	void refusesAWrongPassword() throws Exception {
		String username = fixtures.ccgUser();

		mvc.perform(formLogin().user(username).password("not the password at all"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void refusesADisabledAccountEvenWithTheRightPassword() throws Exception {
		String username = fixtures.ccgUser();
		accounts.setEnabled(username, false);

		mvc.perform(formLogin().user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void disablingAnAccountEndsItsOpenSessions() throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);

		accounts.setEnabled(username, false);

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);

		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/?signedOut"));

		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPagePostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);

		mvc.perform(post("/account/password").cookie(session)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "a brand new password")
			.param("confirmPassword", "a brand new password")).andExpect(status().isForbidden());

		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void theLoginFormItselfNeedsTheCsrfToken() throws Exception {
		String username = fixtures.ccgUser();

		mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void anApiChangeWithASessionNeedsTheCsrfTokenButOneWithHttpBasicDoesNot() throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);
		String body = """
				{"currentPassword": "%s", "newPassword": "another good password"}""".formatted(PASSWORD);

		mvc.perform(post("/api/v1/me/password").cookie(session).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("CSRF")));
		mvc.perform(post("/api/v1/me/password").cookie(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/me/password").with(httpBasic(username, "another good password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"currentPassword": "another good password", "newPassword": "%s"}""".formatted(PASSWORD)))
			.andExpect(status().isNoContent());
	}

	@Test
	void theApiTakesHttpBasic() throws Exception {
		String area = fixtures.organisation("AREA_TEAM", null);
		String ccg = fixtures.organisation("CCG", area);
		String username = fixtures.user(Role.CCG, ccg);

		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.displayName").value("Test " + username))
			.andExpect(jsonPath("$.role").value("CCG"))
			.andExpect(jsonPath("$.organisationCode").value(ccg));
	}

	@Test
	void theApiAnswersAWrongBasicPasswordWith401AndNoPasswordPrompt() throws Exception {
		String username = fixtures.ccgUser();

		mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong password here")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void apiCallsWithoutASessionLeaveNoSessionBehind() throws Exception {
		String username = fixtures.ccgUser();
		long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();

		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()).andExpect(cookie().doesNotExist("SESSION"));
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("SESSION"));

		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anAnonymousPageRequestIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/account")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/users")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anAnonymousApiRequestGets401NotARedirect() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void nationalOnlyPagesAreForbiddenToOtherRoles() throws Exception {
		String other = fixtures.national();
		for (String username : new String[] { fixtures.ccgUser(),
				fixtures.user(Role.AREA_TEAM, fixtures.organisation("AREA_TEAM", null)),
				fixtures.user(Role.PRACTICE, fixtures.organisation("GP_PRACTICE", null)) }) {
			Cookie session = signIn(mvc, username, PASSWORD);

			mvc.perform(get("/users").cookie(session)).andExpect(status().isForbidden());
			mvc.perform(get("/users/new").cookie(session)).andExpect(status().isForbidden());
			mvc.perform(post("/users").cookie(session).with(csrf()).param("username", "sneaky-user"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/users/{username}/disable", other).cookie(session).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(accounts.find(other).orElseThrow().enabled()).isTrue();
		assertThat(accounts.find("sneaky-user")).isEmpty();
	}

	@Test
	void nationalOnlyApiCallsAreForbiddenToOtherRolesWithAProblemDetail() throws Exception {
		String username = fixtures.ccgUser();
		String other = fixtures.national();

		mvc.perform(get("/api/v1/users").with(httpBasic(username, PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Forbidden"));
		mvc.perform(post("/api/v1/users/{username}/disable", other).with(httpBasic(username, PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/users").with(httpBasic(username, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "sneaky-api-user", "displayName": "Sneaky", "role": "NATIONAL",
					 "organisationCode": "X24", "password": "long enough password"}"""))
			.andExpect(status().isForbidden());

		assertThat(accounts.find(other).orElseThrow().enabled()).isTrue();
		assertThat(accounts.find("sneaky-api-user")).isEmpty();
	}

	@Test
	void theAccountPageShowsTheSignedInUser() throws Exception {
		String ccg = fixtures.organisation("CCG", null);
		String username = fixtures.user(Role.CCG, ccg);
		Cookie session = signIn(mvc, username, PASSWORD);

		mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Test " + username)))
			.andExpect(content().string(containsString(username + "@example.nhs.uk")))
			.andExpect(content().string(containsString(ccg)))
			.andExpect(content().string(containsString(">CCG<")))
			.andExpect(content().string(not(containsString("nhsuk-error-summary"))));
	}
}
