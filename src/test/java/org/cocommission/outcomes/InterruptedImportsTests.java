package org.cocommission.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An import a crash left "running" is marked failed at start, unless an import is running on some instance now. */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class InterruptedImportsTests {

	@Autowired
	private InterruptedImports interrupted;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void anImportLeftRunningByACrashIsMarkedFailedSayingWhy() {
		long id = runningImportBegunAnHourAgo();

		assertThat(interrupted.failInterrupted(Instant.now())).isPositive();

		assertThat(status(id)).isEqualTo("FAILED");
		assertThat(jdbc.sql("select errors ->> 0 from outcomes_import where id = ?").param(id).query(String.class).single())
			.contains("stopped while this file was being imported");
	}

	@Test
	void nothingIsMarkedWhileAnImportHoldsTheImportLock() throws Exception {
		long id = runningImportBegunAnHourAgo();
		try (Connection importing = dataSource.getConnection()) {
			importing.createStatement().execute("select pg_advisory_lock(" + ObservationImports.IMPORT_LOCK + ")");

			assertThat(interrupted.failInterrupted(Instant.now())).isZero();
			assertThat(status(id)).isEqualTo("RUNNING");

			importing.createStatement().execute("select pg_advisory_unlock(" + ObservationImports.IMPORT_LOCK + ")");
		}
		jdbc.sql("update outcomes_import set status = 'FAILED' where id = ?").param(id).update();
	}

	private long runningImportBegunAnHourAgo() {
		return jdbc.sql("insert into outcomes_import (format, file_name, imported_by, status, started_at)"
				+ " values ('long', 'national.csv', 'someone', 'RUNNING', now() - interval '1 hour') returning id")
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return jdbc.sql("select status from outcomes_import where id = ?").param(id).query(String.class).single();
	}
}
