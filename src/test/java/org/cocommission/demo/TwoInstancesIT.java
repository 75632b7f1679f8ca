package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cocommission.CoCommissionApplication;

/**
 * Two instances started together against one external PostgreSQL, both with the demo switched on (issue 18): both
 * come up healthy, and the demo is loaded exactly once; the second waits for the first and finds it loaded. The
 * database is an embedded PostgreSQL this test starts, given to both as a plain JDBC URL.
 */
class TwoInstancesIT {

	private static final Duration LIMIT = Duration.ofMinutes(6);

	@TempDir
	Path directory;

	@Test
	void bothStartHealthyAndTheDemoLoadsOnce() throws Exception {
		try (EmbeddedPostgres database = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("postgres"))
			.setCleanDataDirectory(true)
			.start()) {
			String url = database.getJdbcUrl("postgres", "postgres");
			List<Process> instances = new ArrayList<>();
			List<Integer> ports = new ArrayList<>();
			try {
				for (int instance = 0; instance < 2; instance++) {
					int port = freePort();
					ports.add(port);
					instances.add(start(instance, port, url));
				}
				long deadline = System.nanoTime() + LIMIT.toNanos();
				while (!(log(0).contains(DONE) && log(1).contains(DONE))) {
					for (int instance = 0; instance < 2; instance++) {
						assertThat(instances.get(instance).isAlive()).as("instance %d ended early:%n%s", instance,
								log(instance)).isTrue();
					}
					assertThat(System.nanoTime()).as("both instances finished starting within %s", LIMIT)
						.isLessThan(deadline);
					Thread.sleep(100);
				}
				for (int port : ports) {
					assertThat(health(port)).isEqualTo(200);
				}

				int loads = count(LOADING, log(0)) + count(LOADING, log(1));
				assertThat(loads).as("instances that loaded the demo; logs:%n%s%n----%n%s", log(0), log(1)).isEqualTo(1);
				assertThat(log(0) + log(1)).contains("Demo data already loaded");
				try (Connection connection = database.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement();
						ResultSet twice = statement.executeQuery(
								"select count(*) from (select file_name from directory_import group by file_name"
										+ " having count(*) > 1) twice")) {
					twice.next();
					assertThat(twice.getInt(1)).as("demo files imported more than once").isZero();
				}
				try (Connection connection = database.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement();
						ResultSet imports = statement.executeQuery("select count(*) from directory_import")) {
					imports.next();
					assertThat(imports.getInt(1)).as("demo files imported").isPositive();
				}
			}
			finally {
				for (Process process : instances) {
					process.destroy();
				}
				for (Process process : instances) {
					if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
			}
		}
	}

	/** Logged by the instance that loads the demo, and by the one that finds it loaded. */
	private static final String LOADING = "Loading the synthetic demo dataset";

	/** Logged once Spring Boot has run every runner, the demo's included. */
	private static final String DONE = "Demo start finished";

	private Process start(int instance, int port, String url) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path data = Files.createDirectories(directory.resolve("instance-" + instance));
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CoCommissionApplication.class.getName(), "--server.port=" + port, "--cocommission.data-dir=" + data,
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--cocommission.demo=true", "--cocommission.demo-scale=0.05",
				"--cocommission.demo-password=two-instances-demo", "--logging.level.org.cocommission=INFO")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("instance-" + instance + ".log").toFile())
			.start();
	}

	private String log(int instance) throws IOException {
		Path file = directory.resolve("instance-" + instance + ".log");
		return Files.exists(file) ? Files.readString(file) : "";
	}

	private static int count(String phrase, String text) {
		Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

	private static int health(int port) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health")
			.toURL()
			.openConnection();
		return connection.getResponseCode();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
