package org.cocommission.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module migrates from its own folder with its own history table. A database made when every migration was in
 * the one folder, as on main in December 2026 (a copy of that folder is in {@code db/main-2026-12}), starts on the new
 * layout without running anything again, and ends with the schema a new database gets.
 */
@SpringBootTest
class ModuleMigrationsTests {

	private static final String MAIN_2026_12 = "classpath:db/main-2026-12";

	private static final List<String> MODULES_WITH_MIGRATIONS = List.of("audit", "cocommissioning", "directory",
			"finance", "governance", "identity", "notification", "outcomes", "platform", "qualitypremium");

	private final Flyway flyway;

	private final FlywayMigrationStrategy migrations;

	private final JdbcClient newDatabase;

	private final Path dataDirectory;

	private final List<String> databases = new ArrayList<>();

	@Autowired
	ModuleMigrationsTests(Flyway flyway, FlywayMigrationStrategy migrations, DataSource dataSource,
			@Value("${cocommission.data-dir}") Path dataDirectory) {
		this.flyway = flyway;
		this.migrations = migrations;
		this.newDatabase = JdbcClient.create(dataSource);
		this.dataDirectory = dataDirectory;
	}

	@AfterEach
	void dropDatabases() {
		databases.forEach(name -> newDatabase.sql("drop database if exists \"" + name + "\" with (force)").update());
	}

	@Test
	void aNewDatabaseMigratesEachModuleIntoItsOwnHistory() {
		assertThat(newDatabase.sql("select script from flyway_schema_history where type = 'SQL'")
			.query(String.class)
			.list()).containsExactly("V1_6__platform_valid_on.sql");
		for (String module : MODULES_WITH_MIGRATIONS) {
			assertThat(newDatabase.sql("select count(*) from flyway_schema_history_" + module + " where type = 'SQL'")
				.query(Integer.class)
				.single()).as(module).isPositive();
		}
	}

	@Test
	void aDatabaseMigratedFromTheOneFolderIsAdoptedWithoutRunningAnythingAgain() {
		DataSource legacy = database("main_2026_12");
		Flyway.configure().dataSource(legacy).locations(MAIN_2026_12).outOfOrder(true).load().migrate();
		List<String> appliedOnMain = history(legacy);

		migrations.migrate(withDataSource(legacy));

		// Everything applied on main stays as it was, once; migrations added since (not in the copy) run once each.
		List<String> adopted = history(legacy);
		assertThat(adopted).containsAll(appliedOnMain);
		List<String> scriptsOnMain = appliedOnMain.stream().map(row -> row.split(" ")[1]).toList();
		assertThat(adopted.stream().filter(row -> scriptsOnMain.contains(row.split(" ")[1])).toList())
			.hasSameSizeAs(appliedOnMain);
		assertThat(JdbcClient.create(legacy)
			.sql("select script from flyway_schema_history_outcomes where type = 'SQL'")
			.query(String.class)
			.list()).hasSize(10).allMatch(script -> script.contains("__outcomes_"));
		assertThat(schema(legacy)).isNotEmpty().isEqualTo(schema(newDatabase));

		migrations.migrate(withDataSource(legacy));
		assertThat(history(legacy)).containsExactlyInAnyOrderElementsOf(adopted);
	}

	/** A database of its own on the tests' embedded server, dropped after the test. */
	private DataSource database(String purpose) {
		String name = "migrations_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
		databases.add(name);
		return new DriverManagerDataSource(
				EmbeddedPostgresServer.jdbcUrl(EmbeddedPostgresServer.startedIn(dataDirectory), name));
	}

	/** The application's Flyway as configured, on another database: what the application does when it starts. */
	private Flyway withDataSource(DataSource dataSource) {
		return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource).load();
	}

	/** Every migration applied, in every history table: a migration run again would show a second row or time. */
	private static List<String> history(DataSource dataSource) {
		var jdbc = JdbcClient.create(dataSource);
		return jdbc.sql("select table_name from information_schema.tables"
				+ " where table_schema = 'public' and table_name like 'flyway_schema_history%'")
			.query(String.class)
			.list()
			.stream()
			.flatMap(table -> jdbc.sql("select concat_ws(' ', version, script, checksum, installed_on, success) from "
					+ table + " where type = 'SQL'")
				.query(String.class)
				.list()
				.stream())
			.toList();
	}

	/** Columns, indexes, triggers and functions, each a line, sorted. */
	private static List<String> schema(DataSource dataSource) {
		return schema(JdbcClient.create(dataSource));
	}

	private static List<String> schema(JdbcClient jdbc) {
		return jdbc.sql("""
				select concat_ws(' ', 'column', table_name, ordinal_position, column_name, data_type,
				    character_maximum_length, numeric_precision, is_nullable, column_default)
				from information_schema.columns where table_schema = 'public'
				union all
				select concat_ws(' ', 'index', tablename, indexdef) from pg_indexes
				where schemaname = 'public' and tablename not like 'flyway_schema_history%'
				union all
				select concat_ws(' ', 'trigger', event_object_table, trigger_name, event_manipulation, action_timing,
				    action_orientation, action_statement)
				from information_schema.triggers where trigger_schema = 'public'
				union all
				select concat_ws(' ', 'function', pg_get_functiondef(p.oid))
				from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
				union all
				select concat_ws(' ', 'constraint', conrelid::regclass, pg_get_constraintdef(c.oid))
				from pg_constraint c join pg_namespace n on n.oid = c.connamespace
				where n.nspname = 'public' and conrelid::regclass::text not like 'flyway_schema_history%'
				order by 1""").query(String.class).list();
	}
}
