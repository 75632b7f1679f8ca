package org.cocommission.outcomes.alerts;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ObservationImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nested alerts module with the modules it uses: the scheduled daily digest queues its e-mails acting as the
 * system, with no one signed in, and leaves no one signed in after it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
class AlertDigestModuleTests {

	private final JdbcClient jdbc;

	private final AlertDigest digest;

	@Autowired
	AlertDigestModuleTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			ObservationImports imports, UserDetailsService users, AlertDigest digest) {
		this.jdbc = jdbc;
		this.digest = digest;
		AlertsTestData.directory(jdbc, directoryImports, accounts);
		if (jdbc.sql("select count(*) from outcomes_alert").query(Long.class).single() == 0) {
			AlertsTestData.load(imports, users);
		}
	}

	@Test
	void theDailyDigestRunsAsTheSystem() {
		jdbc.sql("delete from outcomes_alert_digest").update();
		SecurityContextHolder.clearContext();

		digest.daily();

		assertThat(jdbc.sql("select count(*) from outcomes_alert_digest").query(Long.class).single()).isPositive();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}
}
