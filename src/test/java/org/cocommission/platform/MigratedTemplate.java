package org.cocommission.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Tests get a fresh database per application context (see {@code config/application.properties}); migrating each
 * from nothing ran every module's migrations some thirty times a run. The first context migrates its database as the
 * application does and, once per test JVM, a template database beside it the same way; every later context's database,
 * created empty, is re-created as a copy of the template before its pool opens, so its migrations find everything
 * applied and only validate. Only the tests' own empty {@code test_…} databases on the embedded server are touched,
 * and only in contexts of the whole application (a module test migrates only its own modules).
 */
final class MigratedTemplate implements BeanPostProcessor {

	private static final String TEMPLATE = "migrated_template";

	private static final Pattern TEST_DATABASE = Pattern.compile("(jdbc:postgresql://localhost:\\d+/)(test_\\w+)(\\?.*)?");

	private static final Object LOCK = new Object();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		TestDatabase.of(bean).ifPresent(database -> copyTemplateInto(database.server(), database.name()));
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FlywayMigrationStrategy strategy && !(bean instanceof SpringModulithFlywayMigrationStrategy)) {
			return (FlywayMigrationStrategy) flyway -> {
				buildTemplateOnce(strategy, flyway);
				strategy.migrate(flyway);
			};
		}
		return bean;
	}

	/** Replaces a test's new, still empty database with a copy of the template, when there is one yet. */
	private static void copyTemplateInto(String server, String database) {
		synchronized (LOCK) {
			try (Connection postgres = DriverManager.getConnection(server + "postgres", "postgres", "")) {
				if (!exists(postgres, TEMPLATE) || !isEmpty(server, database)) {
					return;
				}
				try (Statement statement = postgres.createStatement()) {
					statement.execute("drop database \"" + database + "\"");
					statement.execute("create database \"" + database + "\" template " + TEMPLATE);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not copy the migrated template into " + database, ex);
			}
		}
	}

	/** Migrates the template as the application migrates a database: the strategy, on the context's configuration. */
	private static void buildTemplateOnce(FlywayMigrationStrategy strategy, Flyway flyway) {
		Optional<TestDatabase> database = TestDatabase.of(flyway.getConfiguration().getDataSource());
		if (database.isEmpty()) {
			return;
		}
		String server = database.get().server();
		synchronized (LOCK) {
			try (Connection postgres = DriverManager.getConnection(server + "postgres", "postgres", "")) {
				if (exists(postgres, TEMPLATE)) {
					return;
				}
				String building = TEMPLATE + "_building";
				try (Statement statement = postgres.createStatement()) {
					statement.execute("drop database if exists " + building + " with (force)");
					statement.execute("create database " + building);
				}
				strategy.migrate(Flyway.configure()
					.configuration(flyway.getConfiguration())
					.dataSource(new DriverManagerDataSource(server + building, "postgres", ""))
					.load());
				try (Statement statement = postgres.createStatement()) {
					statement.execute("alter database " + building + " rename to " + TEMPLATE);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not build the migrated template database", ex);
			}
		}
	}

	/** A test's own database on the embedded server, from its pool's URL: the URL up to the name, and the name. */
	private record TestDatabase(String server, String name) {

		static Optional<TestDatabase> of(Object dataSource) {
			if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
				Matcher url = TEST_DATABASE.matcher(pool.getJdbcUrl());
				if (url.matches()) {
					return Optional.of(new TestDatabase(url.group(1), url.group(2)));
				}
			}
			return Optional.empty();
		}
	}

	private static boolean exists(Connection postgres, String database) throws SQLException {
		try (var query = postgres.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			return query.executeQuery().next();
		}
	}

	private static boolean isEmpty(String server, String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server + database, "postgres", "");
				var tables = connection.createStatement()
					.executeQuery("select count(*) from pg_class where relnamespace = 'public'::regnamespace")) {
			tables.next();
			return tables.getLong(1) == 0;
		}
	}

	/** Registered for every test context in {@code META-INF/spring.factories}. */
	static final class Factory implements ContextCustomizerFactory {

		/** Not for a module test: it migrates only its modules, which would make a template short of the others. */
		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			boolean moduleTest = MergedAnnotations.search(SearchStrategy.TYPE_HIERARCHY)
				.from(testClass)
				.isPresent(ApplicationModuleTest.class);
			return moduleTest ? null : new Customizer();
		}
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getBeanFactory().addBeanPostProcessor(new MigratedTemplate());
		}

		// One customizer for every context: it must not make contexts differ, or none would be shared.
		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}
	}
}
