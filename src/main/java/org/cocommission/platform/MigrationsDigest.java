package org.cocommission.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * What a database's migrations were when they last completed: one digest of every migration script the application
 * carries (names and contents) and of every Flyway history table's rows (rank, version, script, checksum, success),
 * kept as the comment of the root history table. A start that computes the same digest has nothing to migrate and
 * nothing to validate that the last start did not, so it need not build a Flyway per module (each connects, registers
 * Flyway's plugins, scans its folder and validates: about a tenth of a later start, docs/benchmarks.md, "Start-up").
 * New or changed scripts, another version of the application, or a history changed by hand give another digest, and
 * Flyway runs as it always did.
 */
final class MigrationsDigest {

	private static final Logger log = LoggerFactory.getLogger(MigrationsDigest.class);

	private static final String PREFIX = "cocommission migrations ";

	private static final String CLASSPATH = "classpath:";

	private final ResourcePatternResolver resources;

	MigrationsDigest(ResourcePatternResolver resources) {
		this.resources = resources;
	}

	/** Whether the database's history and the scripts are exactly as when the digest was last recorded. */
	boolean unchanged(Configuration configuration) {
		try (Connection connection = configuration.getDataSource().getConnection()) {
			String rootTable = rootTable(configuration, connection);
			String recorded = recorded(connection, rootTable);
			return recorded != null && recorded.equals(digest(configuration, connection, rootTable));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the migration history", ex);
		}
	}

	/** Records the digest of the scripts and the history as they are now, after a migration that completed. */
	void record(Configuration configuration) {
		try (Connection connection = configuration.getDataSource().getConnection()) {
			String rootTable = rootTable(configuration, connection);
			String digest = digest(configuration, connection, rootTable);
			if (digest == null) {
				return;
			}
			try (var statement = connection.createStatement()) {
				// The digest is hexadecimal: nothing in it needs quoting.
				statement.execute("comment on table " + rootTable + " is '" + PREFIX + digest + "'");
			}
		}
		catch (SQLException ex) {
			// Without the comment (e.g. a user that does not own the table), every start simply runs Flyway.
			log.warn("Could not record the migrations' digest; every start will validate them with Flyway", ex);
		}
	}

	/** Null when it cannot be worked out: no history yet, or migrations from outside the class path. */
	private String digest(Configuration configuration, Connection connection, String rootTable) throws SQLException {
		if (!SingleFolderHistory.exists(connection, rootTable)) {
			return null;
		}
		MessageDigest digest = sha256();
		for (Location location : configuration.getLocations()) {
			if (!location.toString().startsWith(CLASSPATH)) {
				return null;
			}
			for (Map.Entry<String, Resource> script : scripts(location).entrySet()) {
				digest.update(script.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				try (InputStream content = script.getValue().getInputStream()) {
					digest.update(content.readAllBytes());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				digest.update((byte) 0);
			}
		}
		digest.update(history(configuration, connection).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Every file under the location, by its path inside it, in order. */
	private Map<String, Resource> scripts(Location location) {
		String folder = location.toString().substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
		Map<String, Resource> scripts = new TreeMap<>();
		try {
			for (Resource resource : resources.getResources("classpath*:" + folder + "/**/*")) {
				String url = resource.getURL().toString();
				int start = url.lastIndexOf(folder + "/");
				if (url.endsWith("/") || start < 0 || !resource.isReadable()) {
					continue;
				}
				scripts.put(url.substring(start + folder.length() + 1), resource);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return scripts;
	}

	/** Every history table's rows, table by table, rank by rank. */
	private static String history(Configuration configuration, Connection connection) throws SQLException {
		String schema = SingleFolderHistory.schemaOf(configuration, connection);
		List<String> tables = new ArrayList<>();
		try (var statement = connection.prepareStatement("select table_name from information_schema.tables"
				+ " where table_schema = ? and table_name like ? order by table_name")) {
			statement.setString(1, schema);
			statement.setString(2, configuration.getTable().replace("_", "\\_") + "%");
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
		}
		StringBuilder history = new StringBuilder();
		for (String table : tables) {
			try (var statement = connection.createStatement();
					var rows = statement.executeQuery("select coalesce(string_agg(concat_ws('|', installed_rank,"
							+ " version, script, checksum, success), ',' order by installed_rank), '') from "
							+ SingleFolderHistory.quoted(schema) + "." + SingleFolderHistory.quoted(table))) {
				rows.next();
				history.append(table).append(':').append(rows.getString(1)).append('\n');
			}
		}
		return history.toString();
	}

	private static String recorded(Connection connection, String rootTable) throws SQLException {
		try (var statement = connection.prepareStatement("select obj_description(to_regclass(?), 'pg_class')")) {
			statement.setString(1, rootTable);
			try (var rows = statement.executeQuery()) {
				String comment = rows.next() ? rows.getString(1) : null;
				return comment != null && comment.startsWith(PREFIX) ? comment.substring(PREFIX.length()) : null;
			}
		}
	}

	private static String rootTable(Configuration configuration, Connection connection) throws SQLException {
		return SingleFolderHistory.quoted(SingleFolderHistory.schemaOf(configuration, connection)) + "."
				+ SingleFolderHistory.quoted(configuration.getTable());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
