package org.cocommission.identity.accounts;

import java.util.List;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserAccounts.DemoAccount;
import org.cocommission.identity.UserView;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** The demo accounts, opened in one statement; each test's accounts are rolled back with its transaction. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class DemoAccountsTests {

	private static final String PASSWORD = "the demo accounts' password";

	private final UserAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	@Autowired
	DemoAccountsTests(UserAccounts accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
	}

	@Test
	void opensEveryAccountAsGivenWithTheSharedPassword() {
		int opened = accounts.createDemoAccounts(List.of(
				new DemoAccount("demo-test-ccg", "CCG commissioner", "ccg@demo.example", Role.CCG, "00K"),
				new DemoAccount("demo-test-practice", "Practice manager", null, Role.PRACTICE, "A81001")), PASSWORD);

		assertThat(opened).isEqualTo(2);
		UserView ccg = accounts.find("demo-test-ccg").orElseThrow();
		assertThat(ccg.displayName()).isEqualTo("CCG commissioner");
		assertThat(ccg.email()).isEqualTo("ccg@demo.example");
		assertThat(ccg.role()).isEqualTo(Role.CCG);
		assertThat(ccg.organisationCode()).isEqualTo("00K");
		assertThat(ccg.enabled()).isTrue();
		UserView practice = accounts.find("demo-test-practice").orElseThrow();
		assertThat(practice.email()).isNull();
		assertThat(practice.role()).isEqualTo(Role.PRACTICE);
		assertThat(passwordEncoder.matches(PASSWORD, passwordHash("demo-test-practice"))).isTrue();
		assertThat(jdbc.sql("select bool_and(demo) from identity_user_account where username like 'demo-test-%'")
			.query(Boolean.class)
			.single()).isTrue();
		// In the list's order, as one insert per account numbered them.
		assertThat(jdbc.sql("select username from identity_user_account where username like 'demo-test-%' order by id")
			.query(String.class)
			.list()).containsExactly("demo-test-ccg", "demo-test-practice");
	}

	@Test
	void leavesAnExistingAccountAloneAndCountsOnlyTheAccountsItOpened() {
		accounts.create(new NewUser("demo-test-taken", "Someone else", null, Role.NATIONAL, "X24", "someone's password"));

		int opened = accounts.createDemoAccounts(List.of(
				new DemoAccount("demo-test-taken", "Demo national", null, Role.NATIONAL, "X24"),
				new DemoAccount("demo-test-new", "Demo national", null, Role.NATIONAL, "X24"),
				new DemoAccount("demo-test-new", "Demo national again", null, Role.NATIONAL, "X24")), PASSWORD);

		assertThat(opened).isEqualTo(1);
		assertThat(accounts.find("demo-test-taken").orElseThrow().displayName()).isEqualTo("Someone else");
		assertThat(passwordEncoder.matches("someone's password", passwordHash("demo-test-taken"))).isTrue();
		assertThat(accounts.find("demo-test-new").orElseThrow().displayName()).isEqualTo("Demo national");
	}

	@Test
	void opensNothingForNoAccounts() {
		assertThat(accounts.createDemoAccounts(List.of(), PASSWORD)).isZero();
	}

	private String passwordHash(String username) {
		return jdbc.sql("select password_hash from identity_user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}
}
