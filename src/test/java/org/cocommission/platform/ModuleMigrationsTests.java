package org.cocommission.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.HasMigrationFiles;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each module migrates from its own folder with its own history table. A database made when every migration was in
 * the one folder, as on main in December 2026 (a copy of that folder is in {@code db/main-2026-12}), starts on the new
 * layout without running anything again, and ends with the schema a new database gets.
 */
@SpringBootTest
class ModuleMigrationsTests {

	private static final String MAIN_2026_12 = "classpath:db/main-2026-12";

	private static final List<String> MODULES_WITH_MIGRATIONS = List.of("audit", "authorisation", "cocommissioning",
			"commissioningsupport", "contracts", "directory", "finance", "governance", "identity", "notification",
			"outcomes", "platform", "qualitypremium", "workforce");

	/** Modules added after main-2026-12: an existing database gets them on its next start, as a new one does. */
	private static final List<String> MODULES_SINCE_MAIN_2026_12 = List.of("authorisation", "commissioningsupport",
			"contracts", "workforce");

	private final Flyway flyway;

	private final FlywayMigrationStrategy migrations;

	private final JdbcClient newDatabase;

	private final Path dataDirectory;

	private final ApplicationModuleIdentifiers modules;

	private final ResourcePatternResolver resources;

	private final List<String> databases = new ArrayList<>();

	@Autowired
	ModuleMigrationsTests(Flyway flyway, FlywayMigrationStrategy migrations, DataSource dataSource,
			@Value("${cocommission.data-dir}") Path dataDirectory, ApplicationModuleIdentifiers modules,
			ResourcePatternResolver resources) {
		this.flyway = flyway;
		this.migrations = migrations;
		this.newDatabase = JdbcClient.create(dataSource);
		this.dataDirectory = dataDirectory;
		this.modules = modules;
		this.resources = resources;
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

		// Nothing from main runs again; migrations added since (not in main-2026-12) run once.
		List<String> adopted = history(legacy);
		assertThat(adopted).containsAll(appliedOnMain);
		List<String> scriptsOnMain = appliedOnMain.stream().map(row -> row.split(" ")[1]).toList();
		assertThat(adopted.stream().filter(row -> !appliedOnMain.contains(row)).map(row -> row.split(" ")[1]))
			.doesNotContainAnyElementsOf(scriptsOnMain);
		for (String module : MODULES_SINCE_MAIN_2026_12) {
			assertThat(JdbcClient.create(legacy)
				.sql("select count(*) from flyway_schema_history_" + module + " where type = 'SQL'")
				.query(Integer.class)
				.single()).as(module).isPositive();
		}
		assertThat(JdbcClient.create(legacy)
			.sql("select script from flyway_schema_history_outcomes where type = 'SQL'")
			.query(String.class)
			.list()).allMatch(script -> script.contains("__outcomes_"))
			.filteredOn(scriptsOnMain::contains)
			.as("the ten outcomes migrations of main-2026-12, moved to outcomes' own history")
			.hasSize(10);
		assertThat(schema(legacy)).isNotEmpty().isEqualTo(schema(newDatabase));

		migrations.migrate(withDataSource(legacy));
		assertThat(history(legacy)).containsExactlyInAnyOrderElementsOf(adopted);
	}

	@Test
	void aStartWithNothingChangedSinceTheLastMigrationBuildsNoModuleFlyway() {
		DataSource database = database("unchanged");
		var perModuleRuns = new AtomicInteger();
		var perModule = new SpringModulithFlywayMigrationStrategy(modules, new HasMigrationFiles(resources)) {
			@Override
			public void migrate(Flyway flyway) {
				perModuleRuns.incrementAndGet();
				super.migrate(flyway);
			}
		};
		var moduleMigrations = new ModuleMigrations(modules, resources, perModule);

		moduleMigrations.migrate(withDataSource(database));
		List<String> migrated = history(database);
		moduleMigrations.migrate(withDataSource(database));

		assertThat(perModuleRuns).as("Flyway run on the new database only").hasValue(1);
		assertThat(history(database)).containsExactlyInAnyOrderElementsOf(migrated);

		// A history changed by hand is no longer the one recorded: Flyway runs, validates and refuses it, as before.
		JdbcClient.create(database)
			.sql("update flyway_schema_history_audit set checksum = checksum + 1 where type = 'SQL'")
			.update();
		assertThatThrownBy(() -> moduleMigrations.migrate(withDataSource(database)))
			.hasMessageContaining("checksum");
		assertThat(perModuleRuns).hasValue(2);
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
