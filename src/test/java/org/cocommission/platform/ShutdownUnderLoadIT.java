package org.cocommission.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cocommission.CoCommissionApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients keep asking: every request that got an answer got a good one (the database stays up until
 * the web server has drained), and the process is gone within five seconds.
 */
class ShutdownUnderLoadIT {

	private static final int CLIENTS = 4;

	/** When SIGTERM was sent (System.nanoTime), or Long.MAX_VALUE before. */
	private static volatile long stopAsked = Long.MAX_VALUE;

	@TempDir
	Path dataDirectory;

	@Test
	void stopsWithinFiveSecondsWithoutFailingARequest() throws Exception {
		int port = freePort();
		Process application = start(port);
		try {
			awaitHealthy(port, Duration.ofSeconds(90));
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger answered = new AtomicInteger();
			var failures = new ConcurrentLinkedQueue<String>();
			List<Thread> clients = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				Thread thread = new Thread(() -> askUntilStopped(port, running, answered, failures));
				thread.start();
				clients.add(thread);
			}
			// Two seconds of load, and at least a few answers for every client.
			Thread.sleep(2000);
			awaitAnswers(answered, CLIENTS * 5, Duration.ofSeconds(30));
			long signalled = System.nanoTime();
			stopAsked = signalled;
			application.destroy();
			boolean exited = application.waitFor(30, TimeUnit.SECONDS);
			Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
			running.set(false);
			for (Thread client : clients) {
				client.join();
			}

			assertThat(exited).isTrue();
			assertThat(answered.get()).as("requests answered during the run").isPositive();
			assertThat(failures).as("failed requests; the application's log:%n%s", log()).isEmpty();
			assertThat(stopping).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(5));
		}
		finally {
			application.destroyForcibly();
		}
	}

	private String log() throws IOException {
		return java.nio.file.Files.readString(dataDirectory.resolve("application.log"));
	}

	/**
	 * Asks for a page that reads the database until told to stop. Any error answer fails; so does a connection lost
	 * on a request sent before the signal. A request sent after it may find the server no longer taking connections
	 * (refused, or reset from the listen backlog as it closes): the server has gone, which is what stopping means. A
	 * request the server reads only after pausing for the signal is declined with a 503 and a time to come back.
	 */
	private static void askUntilStopped(int port, AtomicBoolean running, AtomicInteger answered,
			ConcurrentLinkedQueue<String> failures) {
		while (running.get()) {
			long sent = System.nanoTime();
			try {
				HttpURLConnection connection = (HttpURLConnection) URI
					.create("http://localhost:" + port + "/api/v1/coverage?date=2014-04-01")
					.toURL()
					.openConnection();
				// A connection a request: a keep-alive connection the server closes as it stops, just as the client
				// reuses it, is HTTP's own race, which clients answer by retrying; this test is about requests the
				// server took.
				connection.setRequestProperty("Connection", "close");
				connection.setConnectTimeout(1000);
				connection.setReadTimeout(10_000);
				int status = connection.getResponseCode();
				if (status == 503 && System.nanoTime() >= stopAsked && connection.getHeaderField("Retry-After") != null) {
					// Read after the server paused for the signal: declined, with word to come back (see
					// RequestsReadWhileStopping).
					sleepBriefly();
				}
				else if (status != 200) {
					java.io.InputStream error = connection.getErrorStream();
					failures.add("HTTP " + status + (sent < stopAsked ? ", sent before the signal" : ", sent after the signal")
							+ ": " + (error == null ? "no body" : new String(error.readAllBytes(),
									java.nio.charset.StandardCharsets.UTF_8)));
				}
				else {
					connection.getInputStream().readAllBytes();
					answered.incrementAndGet();
				}
			}
			catch (ConnectException refused) {
				sleepBriefly();
			}
			catch (IOException ex) {
				if (sent < stopAsked) {
					failures.add(ex.toString());
				}
				else {
					sleepBriefly();
				}
			}
		}
	}

	private Process start(int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CoCommissionApplication.class.getName(), "--server.port=" + port,
				"--cocommission.data-dir=" + dataDirectory, "--cocommission.demo=false")
			.redirectErrorStream(true)
			.redirectOutput(dataDirectory.resolve("application.log").toFile())
			.start();
	}

	private static void awaitHealthy(int port, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpURLConnection connection = (HttpURLConnection) URI
					.create("http://localhost:" + port + "/actuator/health")
					.toURL()
					.openConnection();
				if (connection.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The application did not become healthy within " + limit);
	}

	private static void awaitAnswers(AtomicInteger answered, int wanted, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (answered.get() < wanted && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(answered.get()).as("requests answered before the signal").isGreaterThanOrEqualTo(wanted);
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
