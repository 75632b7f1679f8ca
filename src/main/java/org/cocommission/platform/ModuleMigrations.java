package org.cocommission.platform;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates each module from its own folder with its own history table, as Spring Modulith does
 * ({@code spring.modulith.runtime.flyway-enabled}), after first adopting a database that was migrated from the one
 * folder before: without that, every module would find no history of its own and run its migrations again. A start
 * whose scripts and histories are exactly as when the last migration completed ({@link MigrationsDigest}) has nothing
 * to migrate or validate, and skips building a Flyway per module.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("spring.modulith.runtime.flyway-enabled")
class ModuleMigrations implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	private final MigrationsDigest digest;

	private final SingleFolderHistory singleFolderHistory;

	private final SpringModulithFlywayMigrationStrategy perModule;

	ModuleMigrations(ApplicationModuleIdentifiers modules, ResourcePatternResolver resources,
			SpringModulithFlywayMigrationStrategy perModule) {
		this.digest = new MigrationsDigest(resources);
		this.singleFolderHistory = new SingleFolderHistory(modules, resources);
		this.perModule = perModule;
	}

	@Override
	public void migrate(Flyway flyway) {
		var configuration = flyway.getConfiguration();
		if (digest.unchanged(configuration)) {
			log.info("The migrations and their histories are as when they last completed: nothing to migrate");
			return;
		}
		singleFolderHistory.moveToModuleTables(configuration);
		perModule.migrate(flyway);
		digest.record(configuration);
	}
}
