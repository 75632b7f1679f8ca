package org.cocommission.identity;


import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Organisations and accounts for identity's tests. Names are random because the tests share one database (one per
 * Spring context) with every other test class that uses the same configuration.
 */
public final class IdentityFixtures {

	public static final String PASSWORD = "correct horse battery";

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	public IdentityFixtures(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An organisation of {@code type} (as in directory_organisation), under {@code parentCode} when not null. */
	public String organisation(String type, String parentCode) {
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

	public String user(Role role, String organisationCode) {
		String username = unique(role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		accounts.create(new NewUser(username, "Test " + username, username + "@example.nhs.uk", role,
				organisationCode, PASSWORD));
		return username;
	}

	public String national() {
		return user(Role.NATIONAL, "X24");
	}

	public String ccgUser() {
		return user(Role.CCG, organisation("CCG", null));
	}

	public static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
		return SignIn.session(mvc, username, password);
	}
}
