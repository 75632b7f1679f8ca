package org.cocommission.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data directory and JVM, kept on disk between runs.
 * Shared so that several application contexts in one JVM (tests, two instances) use one server.
 */
public final class EmbeddedPostgresServer {

	private static final Map<Path, EmbeddedPostgres> SERVERS = new HashMap<>();

	private EmbeddedPostgresServer() {
	}

	public static synchronized EmbeddedPostgres startedIn(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		return SERVERS.computeIfAbsent(directory, EmbeddedPostgresServer::start);
	}

	/** The JDBC URL of {@code database} on the server, creating the database when it does not exist yet. */
	public static String jdbcUrl(EmbeddedPostgres server, String database) {
		try (Connection connection = server.getPostgresDatabase().getConnection()) {
			var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
			exists.setString(1, database);
			if (!exists.executeQuery().next()) {
				connection.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare embedded database " + database, ex);
		}
		return server.getJdbcUrl("postgres", database);
	}

	/**
	 * The embedded server as the application runs it, in {@code dataDirectory}. Text sorts by bytes (collation C, in
	 * UTF-8 the same order as C.UTF-8, by code point), the one collation PostgreSQL compares with memcmp and sorts with
	 * abbreviated keys. A data directory made before keeps its C.UTF-8, with the same results.
	 */
	public static EmbeddedPostgres.Builder configured(Path dataDirectory) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setServerConfig("max_connections", "200")
			.setLocaleConfig("lc-collate", "C");
	}

	private static EmbeddedPostgres start(Path directory) {
		try {
			Files.createDirectories(directory);
			EmbeddedPostgres server = configured(directory.resolve("postgres")).setCleanDataDirectory(false).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	private static void closeQuietly(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ignored) {
			// the JVM is going down; the server's own shutdown is best effort
		}
	}
}
