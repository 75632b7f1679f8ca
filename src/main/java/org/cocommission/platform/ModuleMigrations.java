package org.cocommission.platform;

import org.flywaydb.core.Flyway;

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
 * folder before: without that, every module would find no history of its own and run its migrations again.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("spring.modulith.runtime.flyway-enabled")
class ModuleMigrations implements FlywayMigrationStrategy {

	private final SingleFolderHistory singleFolderHistory;

	private final SpringModulithFlywayMigrationStrategy perModule;

	ModuleMigrations(ApplicationModuleIdentifiers modules, ResourcePatternResolver resources,
			SpringModulithFlywayMigrationStrategy perModule) {
		this.singleFolderHistory = new SingleFolderHistory(modules, resources);
		this.perModule = perModule;
	}

	@Override
	public void migrate(Flyway flyway) {
		singleFolderHistory.moveToModuleTables(flyway.getConfiguration());
		perModule.migrate(flyway);
	}
}
