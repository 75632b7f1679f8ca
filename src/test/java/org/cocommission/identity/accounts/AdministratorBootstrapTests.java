package org.cocommission.identity.accounts;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first account of a new installation. Each test empties the account table inside its own transaction, which is
 * rolled back afterwards, so that it starts as a new installation does.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AdministratorBootstrapTests {

	private final UserAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	static final String ADMIN_PASSWORD = "the administrator's password";

	@Autowired
	AdministratorBootstrapTests(UserAccounts accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
	}

	@Test
	void createsTheNationalAccountWhenNoAccountExistsAndAPasswordIsSet() {
		removeEveryAccount();

		new AdministratorBootstrap(accounts, ADMIN_PASSWORD).createAdministratorWhenNoAccountExists();

		UserView national = accounts.find("national").orElseThrow();
		assertThat(national.role()).isEqualTo(Role.NATIONAL);
		assertThat(national.organisationCode()).isEqualTo("X24");
		assertThat(national.enabled()).isTrue();
		assertThat(passwordEncoder.matches(ADMIN_PASSWORD, passwordHash("national"))).isTrue();
	}

	@Test
	void createsNoAccountWithoutAPasswordAndSaysHowToCreateOne(CapturedOutput output) {
		removeEveryAccount();

		new AdministratorBootstrap(accounts, "").createAdministratorWhenNoAccountExists();

		assertThat(accounts.anyExist()).isFalse();
		assertThat(output).contains("No user account exists. Set COCOMMISSION_ADMIN_PASSWORD");
	}

	@Test
	void createsNothingOnceAnyAccountExists() {
		removeEveryAccount();
		accounts.create(new NewUser("someone", "Someone", null, Role.NATIONAL, "X24", "someone's password"));

		new AdministratorBootstrap(accounts, ADMIN_PASSWORD).createAdministratorWhenNoAccountExists();

		assertThat(accounts.find("national")).isEmpty();
	}

	@Test
	void leavesAnExistingNationalAccountsPasswordAlone() {
		removeEveryAccount();
		new AdministratorBootstrap(accounts, ADMIN_PASSWORD).createAdministratorWhenNoAccountExists();

		new AdministratorBootstrap(accounts, "a different password").createAdministratorWhenNoAccountExists();

		assertThat(passwordEncoder.matches(ADMIN_PASSWORD, passwordHash("national"))).isTrue();
	}

	@Test
	void refusesATooShortPasswordWithAClearLogMessage(CapturedOutput output) {
		removeEveryAccount();

		new AdministratorBootstrap(accounts, "short").createAdministratorWhenNoAccountExists();

		assertThat(accounts.anyExist()).isFalse();
		assertThat(output).contains("Could not create the national account 'national'")
			.contains("at least 12 characters");
	}

	private void removeEveryAccount() {
		jdbc.sql("delete from identity_user_account").update();
	}

	private String passwordHash(String username) {
		return jdbc.sql("select password_hash from identity_user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}
}
