package org.cocommission.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Organisations and accounts for identity's tests. Names are random because the tests share one database (one per
 * Spring context) with every other test class that uses the same configuration.
 */
final class IdentityFixtures {

	static final String PASSWORD = "correct horse battery";

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	IdentityFixtures(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An organisation of {@code type} (as in directory_organisation), under {@code parentCode} when not null. */
	String organisation(String type, String parentCode) {
		String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
		jdbc.sql("insert into directory_organisation (code, type, name) values (?, ?, ?)")
			.params(code, type, "Test " + type + " " + code)
			.update();
		if (parentCode != null) {
			jdbc.sql("insert into directory_relationship (child_code, parent_code) values (?, ?)")
				.params(code, parentCode)
				.update();
		}
		return code;
	}

	String user(Role role, String organisationCode) {
		String username = unique(role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		accounts.create(new NewUser(username, "Test " + username, username + "@example.nhs.uk", role,
				organisationCode, PASSWORD));
		return username;
	}

	String national() {
		return user(Role.NATIONAL, "X24");
	}

	String ccgUser() {
		return user(Role.CCG, organisation("CCG", null));
	}

	/** Signs in through the real login form and returns the session cookie (Spring Session's, kept in the database). */
	static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
		Cookie session = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("session cookie after signing in").isNotNull();
		return session;
	}
}
