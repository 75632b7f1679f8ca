package org.cocommission.identity.accounts;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.UserAccountChanged;
import org.cocommission.identity.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Everyone changes their own password, and only their own, given the current one. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PasswordChangeTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	static final String NEW_PASSWORD = "a brand new passphrase";

	private IdentityFixtures fixtures;

	@Autowired
	PasswordChangeTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeEach
	void setUp() {
		fixtures = new IdentityFixtures(jdbc, accounts);
	}

	@Test
	void changesTheSignedInUsersPasswordFromTheAccountPage(ApplicationEvents events) throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);

		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("passwordChanged", true));

		mvc.perform(formLogin().user(username).password(NEW_PASSWORD)).andExpect(authenticated());
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(events.stream(UserAccountChanged.class))
			.anyMatch(event -> event.action().equals("PASSWORD_CHANGED") && event.username().equals(username));
	}

	@Test
	void aWrongCurrentPasswordIsShownNextToItsFieldAndChangesNothing(ApplicationEvents events) throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);
		String hash = passwordHash(username);

		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", "not my password")
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nhsuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#currentPassword\"")))
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")))
			.andExpect(content().string(containsString("The current password is not right")));

		assertThat(passwordHash(username)).isEqualTo(hash);
		assertThat(events.stream(UserAccountChanged.class))
			.noneMatch(event -> event.action().equals("PASSWORD_CHANGED") && event.username().equals(username));
	}

	@Test
	void aShortOrMistypedNewPasswordIsRefused() throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, username, PASSWORD);
		String hash = passwordHash(username);

		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "short")
			.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"newPassword-error\"")))
			.andExpect(content().string(containsString("Enter a new password of at least 12 characters")));
		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD + "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirmPassword-error\"")))
			.andExpect(content().string(containsString("The new passwords do not match")));

		assertThat(passwordHash(username)).isEqualTo(hash);
	}

	@Test
	void theApiChangesOnlyTheCallersOwnPassword() throws Exception {
		String caller = fixtures.ccgUser();
		String other = fixtures.ccgUser();
		String otherHash = passwordHash(other);

		mvc.perform(post("/api/v1/me/password").with(httpBasic(caller, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "currentPassword": "%s", "newPassword": "%s"}"""
				.formatted(other, PASSWORD, NEW_PASSWORD)))
			.andExpect(status().isNoContent());

		assertThat(passwordHash(other)).isEqualTo(otherHash);
		mvc.perform(get("/api/v1/me").with(httpBasic(caller, NEW_PASSWORD)))
			.andExpect(jsonPath("$.username").value(caller));
		mvc.perform(get("/api/v1/me").with(httpBasic(other, PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void theApiRefusesAWrongCurrentPasswordWithAProblemDetail() throws Exception {
		String username = fixtures.ccgUser();
		String hash = passwordHash(username);

		mvc.perform(post("/api/v1/me/password").with(httpBasic(username, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"currentPassword": "not my password", "newPassword": "%s"}""".formatted(NEW_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("currentPassword: The current password is not right"));

		assertThat(passwordHash(username)).isEqualTo(hash);
	}

	private String passwordHash(String username) {
		return jdbc.sql("select password_hash from identity_user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}
}
