package org.cocommission.outcomes.compute;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V40_9 moves observations stored a row each into slices: a database kept on disk from before (the demo's, or any
 * installation's) must come through with every observation and its import, in code order. The migration runs in a
 * schema of its own, so the module's context (shared with the other module tests) is enough.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
class OutcomesSliceMigrationTests {

	private static final String SCHEMA = "slice_migration_test";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	@Autowired
	OutcomesSliceMigrationTests(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@AfterEach
	void dropSchema() {
		jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
	}

	@Test
	void observationsStoredARowEachBecomeSlicesWithTheirImports() {
		migrateTo("40.8");
		jdbc.sql("insert into " + SCHEMA + ".outcomes_observation"
				+ " (indicator_id, period, org_code, numerator, denominator, import_id) values"
				+ " ('PRAC-GPPS', '2019-05', 'B00001', 5, 100, 1), ('PRAC-GPPS', '2019-05', 'A81002', 2, 100, 2),"
				+ " ('PRAC-GPPS', '2019-05', 'A81001', 1, 100, 1), ('PRAC-GPPS', '2019-06', 'A81001', 3, 50, 3)")
			.update();
		migrateTo("40.9");
		assertThat(jdbc.sql("select indicator_id || ' ' || period || ' ' || array_to_string(org_codes, ',') || ' '"
				+ " || array_to_string(numerators, ',') || ' ' || import_id || ' ' || coalesce(array_to_string(import_ids, ','), '-')"
				+ " from " + SCHEMA + ".outcomes_slice order by period").query(String.class).list())
			.containsExactly("PRAC-GPPS 2019-05 A81001,A81002,B00001 1,2,5 2 1,2,1", "PRAC-GPPS 2019-06 A81001 3 3 -");
		assertThat(jdbc.sql("select org_code || ' ' || numerator || '/' || denominator || ' ' || import_id from "
				+ SCHEMA + ".outcomes_observation where period = '2019-05'").query(String.class).list())
			.containsExactly("A81001 1/100 1", "A81002 2/100 2", "B00001 5/100 1");
	}

	private void migrateTo(String version) {
		Flyway.configure()
			.dataSource(dataSource)
			// Only the folders outcomes' migrations need: each module's folder keeps its own versions, and two
			// folders may share one (directory's and notification's V1_5), which one Flyway cannot take together.
			.locations("classpath:db/migration/__root", "classpath:db/migration/directory",
					"classpath:db/migration/outcomes")
			.schemas(SCHEMA)
			.outOfOrder(true)
			.target(version)
			.load()
			.migrate();
	}
}
