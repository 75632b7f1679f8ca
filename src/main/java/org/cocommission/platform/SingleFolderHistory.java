package org.cocommission.platform;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;

/**
 * The history of a database migrated from the one folder, {@code db/migration}, before each module had its own: one
 * table ({@code flyway_schema_history}) listing every module's migrations. Spring Modulith keeps that table for the
 * root folder and gives each module {@code flyway_schema_history_<module>}, so each module's rows move to its table,
 * recognised by the names of the scripts in its folder. The scripts moved there unchanged, so their versions and
 * checksums still match: nothing runs twice and every history validates.
 */
final class SingleFolderHistory {

	private static final Logger log = LoggerFactory.getLogger(SingleFolderHistory.class);

	private final ApplicationModuleIdentifiers modules;

	private final ResourcePatternResolver resources;

	SingleFolderHistory(ApplicationModuleIdentifiers modules, ResourcePatternResolver resources) {
		this.modules = modules;
		this.resources = resources;
	}

	/** Does nothing on a new database, or one whose modules have their own histories already. */
	void moveToModuleTables(Configuration configuration) {
		try (Connection connection = configuration.getDataSource().getConnection()) {
			var schema = schemaOf(configuration, connection);
			var rootTable = quoted(schema) + "." + quoted(configuration.getTable());
			if (!exists(connection, rootTable)) {
				return;
			}
			var applied = scriptsIn(connection, rootTable);
			for (var module : modules) {
				var moduleScripts = scriptsOf(configuration, module);
				moduleScripts.retainAll(applied);
				if (!moduleScripts.isEmpty()) {
					var moduleTable = quoted(schema) + "." + quoted(configuration.getTable() + "_" + module);
					move(connection, moduleScripts, rootTable, moduleTable);
					log.info("Moved the history of {} migrations of module {} from {} to {}", moduleScripts.size(),
							module, rootTable, moduleTable);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not move the migration history to the modules' tables", ex);
		}
	}

	/**
	 * One transaction that holds the root table, so an instance starting alongside finds the rows moved or waits. The
	 * module's table copies the root table's columns, as Flyway would create it; the rows keep their installed rank.
	 */
	private static void move(Connection connection, Set<String> scripts, String rootTable, String moduleTable)
			throws SQLException {
		connection.setAutoCommit(false);
		try (var statement = connection.createStatement()) {
			statement.execute("lock table " + rootTable + " in exclusive mode");
			statement.execute("create table if not exists " + moduleTable + " (like " + rootTable + " including all)");
			var names = connection.createArrayOf("text", scripts.toArray());
			try (var insert = connection.prepareStatement("insert into " + moduleTable + " (installed_rank, version,"
					+ " description, type, script, checksum, installed_by, installed_on, execution_time, success)"
					+ " select installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
					+ " execution_time, success from " + rootTable + " where script = any(?)");
					var delete = connection.prepareStatement("delete from " + rootTable + " where script = any(?)")) {
				insert.setArray(1, names);
				insert.executeUpdate();
				delete.setArray(1, names);
				delete.executeUpdate();
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** The names of the module's migrations, as Flyway records them: relative to the module's folder. */
	private Set<String> scriptsOf(Configuration configuration, ApplicationModuleIdentifier module) {
		var scripts = new HashSet<String>();
		for (Location location : configuration.getLocations()) {
			try {
				for (Resource resource : resources.getResources(
						location + "/" + module.toString().replace('.', '/') + "/*")) {
					scripts.add(resource.getFilename());
				}
			}
			catch (FileNotFoundException ex) {
				// a module without migrations has no folder
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return scripts;
	}

	private static Set<String> scriptsIn(Connection connection, String table) throws SQLException {
		var scripts = new HashSet<String>();
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("select script from " + table)) {
			while (rows.next()) {
				scripts.add(rows.getString(1));
			}
		}
		return scripts;
	}

	static boolean exists(Connection connection, String table) throws SQLException {
		try (var statement = connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, table);
			try (var rows = statement.executeQuery()) {
				return rows.next() && rows.getBoolean(1);
			}
		}
	}

	/** Where Flyway keeps its history: the configured default schema, else the first managed one, else the current. */
	static String schemaOf(Configuration configuration, Connection connection) throws SQLException {
		if (configuration.getDefaultSchema() != null) {
			return configuration.getDefaultSchema();
		}
		return configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : connection.getSchema();
	}

	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
