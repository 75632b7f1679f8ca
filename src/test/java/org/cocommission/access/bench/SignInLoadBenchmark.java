package org.cocommission.access.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cocommission.outcomes.bench.BenchApplication;
import org.cocommission.outcomes.bench.BenchArgs;
import org.cocommission.outcomes.bench.BenchConnection;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.cocommission.outcomes.bench.BenchFigures.loadAverage;
import static org.cocommission.outcomes.bench.BenchFigures.percentileMillis;

/**
 * What signing in costs the API, and what a flood of wrong passwords costs everyone else ({@code bench/sign-in-load},
 * issue 18 item 10; run from the test classpath so that none of it ships). On its own embedded PostgreSQL the
 * application starts with the small demo; then:
 * <ol>
 * <li>20 clients read {@code GET /api/v1/me} (the cheapest read that needs a user, so that the sign-in's cost shows)
 * each way a client can be signed in: a session cookie from the form login, an API token, and HTTP Basic with the
 * password; requests a second and p50/p95 per way, and each way's throughput as a ratio to the session's, measured in
 * the same run;</li>
 * <li>half the clients read the public home page and the other half {@code /api/v1/me} with their session, first
 * alone and then while 40 connections send 1,000 wrong passwords for one real account by HTTP Basic; each reader's
 * p95 during the flood as a ratio to its p95 alone, and whether the account ended locked.</li>
 * </ol>
 * Writes sign-in-load.txt and sign-in-load.json. Exit codes: 0 ran, 2 usage, 3 could not run.
 */
public final class SignInLoadBenchmark {

	private static final String PASSWORD = "sign-in-load-bench";

	private static final String READER = "national";

	/** The account the flood guesses at: a real one, so that its lockout is what is measured. */
	private static final String TARGET = "area-q53";

	private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

	/** The ways a client proves who it is, in the order measured. */
	enum Way {

		SESSION("session cookie (form login)"), TOKEN("API token (Bearer)"), BASIC("HTTP Basic (password)");

		final String label;

		Way(String label) {
			this.label = label;
		}
	}

	record Options(double scale, int clients, Duration warmup, Duration measured, int wrongPasswords,
			int floodConnections, Path output) {

		static Options parse(String... args) {
			BenchArgs given = BenchArgs.parse(args, "--scale", "--clients", "--warmup-seconds", "--load-seconds",
					"--wrong-passwords", "--flood-connections", "--output");
			Options options = new Options(given.decimal("--scale", 0.05), given.whole("--clients", 20),
					given.seconds("--warmup-seconds", 20), given.seconds("--load-seconds", 15),
					given.whole("--wrong-passwords", 1000), given.whole("--flood-connections", 40),
					given.path("--output", Path.of("target", "bench")));
			if (options.clients() < 2) {
				throw new IllegalArgumentException("--clients must be at least 2");
			}
			return options;
		}
	}

	/** One measured stretch: latencies (ns) of the successful requests, failures, and its length. */
	record Stretch(List<Long> latencies, long failures, Duration length) {

		double perSecond() {
			return latencies.size() / (length.toNanos() / 1e9);
		}
	}

	/** What the flood found: readers' stretches alone and during it, and the flood's own answers. */
	record Flood(Stretch publicAlone, Stretch apiAlone, Stretch publicDuring, Stretch apiDuring,
			Map<Integer, Integer> floodAnswers, List<Long> floodLatencies, boolean targetLocked,
			boolean readerStillReads) {
	}

	record Result(Map<Way, Stretch> ways, Flood flood, String loadAverage, double startSeconds) {
	}

	private SignInLoadBenchmark() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (RuntimeException ex) {
			System.err.println("bench/sign-in-load: " + ex.getMessage() + "\nOptions: --scale S (0.05) --clients N (20)"
					+ " --warmup-seconds N (20) --load-seconds N (15) --wrong-passwords N (1000)"
					+ " --flood-connections N (40) --output DIR (target/bench)");
			return 2;
		}
		try {
			Result result = measure(options, Files.createTempDirectory("sign-in-load-bench"));
			String text = text(options, result);
			Files.createDirectories(options.output());
			Files.writeString(options.output().resolve("sign-in-load.txt"), text);
			Files.writeString(options.output().resolve("sign-in-load.json"), json(result));
			System.out.println(text);
			return 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
			return 3;
		}
	}

	static Result measure(Options options, Path temporary) throws Exception {
		long started = System.nanoTime();
		try (BenchApplication application = BenchApplication.startWithDemo(temporary, options.scale(), PASSWORD)) {
			double startSeconds = (System.nanoTime() - started) / 1e9;
			int port = application.port();
			JdbcClient jdbc = application.bean(JdbcClient.class);
			String token = token(port);
			Map<Way, Stretch> ways = new LinkedHashMap<>();
			for (Way way : Way.values()) {
				ways.put(way, readMe(port, options, way, token));
			}
			String loadBefore = loadAverage();
			Flood flood = flood(port, options, jdbc);
			return new Result(ways, flood, loadBefore + " before the flood, " + loadAverage() + " after",
					startSeconds);
		}
	}

	/** An API token for the reader, made through the API as a machine client's owner would. */
	private static String token(int port) throws IOException {
		try (BenchConnection http = new BenchConnection("localhost", port)) {
			BenchConnection.Response made = http.postJson("/api/v1/me/tokens", basic(READER, PASSWORD),
					"{\"name\":\"Sign-in load bench\",\"scope\":\"READ\"}");
			Matcher secret = SECRET.matcher(made.text());
			if (made.status() != 201 || !secret.find()) {
				throw new IllegalStateException("Could not make an API token: " + made.status() + " " + made.text());
			}
			return secret.group(1);
		}
	}

	/** Every client reads {@code /api/v1/me} signed in one way, for the warm-up and then the measured stretch. */
	private static Stretch readMe(int port, Options options, Way way, String token) throws Exception {
		List<Callable<BenchConnection>> connect = Collections.nCopies(options.clients(), () -> connection(port, way));
		String header = switch (way) {
			case SESSION -> null;
			case TOKEN -> "Authorization: Bearer " + token;
			case BASIC -> basic(READER, PASSWORD);
		};
		return read(connect, options.clients(), "/api/v1/me", header, options.warmup(), options.measured());
	}

	private static BenchConnection connection(int port, Way way) throws IOException {
		return way == Way.SESSION ? BenchConnection.signedIn("localhost", port, READER, PASSWORD) : new BenchConnection("localhost", port);
	}

	/**
	 * Half the clients read the public home page and half {@code /api/v1/me} with a session, alone and then while
	 * the flood runs; the flood is the wrong passwords for {@link #TARGET}, spread over its connections.
	 */
	private static Flood flood(int port, Options options, JdbcClient jdbc) throws Exception {
		int half = options.clients() / 2;
		Duration warm = Duration.ofSeconds(Math.min(5, options.warmup().toSeconds()));
		Stretch publicAlone = read(anonymous(port, half), half, "/", null, warm, options.measured());
		Stretch apiAlone = read(sessions(port, half), half, "/api/v1/me", null, warm, options.measured());
		ExecutorService flooders = Executors.newFixedThreadPool(options.floodConnections());
		AtomicInteger left = new AtomicInteger(options.wrongPasswords());
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		List<Long> floodLatencies = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> flooding = new ArrayList<>();
			for (int i = 0; i < options.floodConnections(); i++) {
				int connection = i;
				flooding.add(flooders.submit(() -> {
					try (BenchConnection http = new BenchConnection("localhost", port)) {
						for (int n = left.getAndDecrement(); n > 0; n = left.getAndDecrement()) {
							long sent = System.nanoTime();
							int status = http.get("/api/v1/me", basic(TARGET, "wrong-" + connection + "-" + n)).status();
							floodLatencies.add(System.nanoTime() - sent);
							answers.merge(status, 1, Integer::sum);
						}
					}
					return null;
				}));
			}
			ExecutorService readers = Executors.newFixedThreadPool(2);
			try {
				Future<Stretch> publicDuring = readers
					.submit(() -> read(anonymous(port, half), half, "/", null, Duration.ZERO, options.measured()));
				Future<Stretch> apiDuring = readers.submit(
						() -> read(sessions(port, half), half, "/api/v1/me", null, Duration.ZERO, options.measured()));
				Stretch publicStretch = publicDuring.get();
				Stretch apiStretch = apiDuring.get();
				for (Future<?> future : flooding) {
					future.get();
				}
				boolean locked = jdbc
					.sql("select exists (select 1 from identity_sign_in_failure where username = ? and locked_until > now())")
					.param(TARGET)
					.query(Boolean.class)
					.single();
				boolean readerStillReads;
				try (BenchConnection http = BenchConnection.signedIn("localhost", port, READER, PASSWORD)) {
					readerStillReads = http.get("/api/v1/me").status() == 200;
				}
				return new Flood(publicAlone, apiAlone, publicStretch, apiStretch, new LinkedHashMap<>(answers),
						floodLatencies, locked, readerStillReads);
			}
			finally {
				readers.shutdownNow();
			}
		}
		finally {
			flooders.shutdownNow();
		}
	}

	private static List<Callable<BenchConnection>> anonymous(int port, int count) {
		return Collections.nCopies(count, () -> new BenchConnection("localhost", port));
	}

	private static List<Callable<BenchConnection>> sessions(int port, int count) {
		return Collections.nCopies(count, () -> BenchConnection.signedIn("localhost", port, READER, PASSWORD));
	}

	/** Each client on its own connection asks for the path in a loop; latencies kept after the warm-up. */
	private static Stretch read(List<Callable<BenchConnection>> connect, int clients, String path, String header,
			Duration warmup, Duration measured) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<BenchConnection> connections = new ArrayList<>();
			for (Future<BenchConnection> connection : pool.invokeAll(connect)) {
				connections.add(connection.get());
			}
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			AtomicLong failures = new AtomicLong();
			long measureFrom = System.nanoTime() + warmup.toNanos();
			long stopAt = measureFrom + measured.toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (BenchConnection connection : connections) {
				running.add(pool.submit(() -> {
					try (BenchConnection http = connection) {
						while (System.nanoTime() < stopAt) {
							long sent = System.nanoTime();
							BenchConnection.Response response = header == null ? http.get(path)
									: http.get(path, header);
							long took = System.nanoTime() - sent;
							if (response.status() != 200) {
								if (failures.incrementAndGet() == 1) {
									System.err.printf("First failure: %d for %s%n", response.status(), path);
								}
							}
							else if (sent >= measureFrom) {
								latencies.add(took);
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
			return new Stretch(latencies, failures.get(), measured);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String basic(String username, String password) {
		return "Authorization: Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static String text(Options options, Result result) {
		StringBuilder text = new StringBuilder();
		text.append("Sign-in load bench, ").append(Instant.now()).append('\n');
		text.append(String.format(
				"Machine: %d processors, Java %s; demo scale %s; %d clients, warm-up %d s, load %d s; start %.1f s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.scale(),
				options.clients(), options.warmup().toSeconds(), options.measured().toSeconds(), result.startSeconds()));
		text.append(String.format("Load average (1, 5, 15 min): %s%n%n", result.loadAverage()));
		text.append("GET /api/v1/me, signed in each way\n");
		text.append(String.format("%-32s %10s %9s %8s %8s %9s %s%n", "Way", "requests", "per s", "p50 ms", "p95 ms",
				"failures", "throughput / session"));
		double session = result.ways().get(Way.SESSION).perSecond();
		result.ways().forEach((way, stretch) -> text.append(String.format("%-32s %10d %9.0f %8.1f %8.1f %9d %.2f%n",
				way.label, stretch.latencies().size(), stretch.perSecond(), percentileMillis(stretch.latencies(), 50),
				percentileMillis(stretch.latencies(), 95), stretch.failures(), stretch.perSecond() / session)));
		Flood flood = result.flood();
		text.append(String.format("%n%,d wrong passwords for one account by HTTP Basic over %d connections%n",
				options.wrongPasswords(), options.floodConnections()));
		text.append(String.format("  answers: %s; p50 %.1f ms, p95 %.1f ms a wrong password%n", flood.floodAnswers(),
				percentileMillis(flood.floodLatencies(), 50), percentileMillis(flood.floodLatencies(), 95)));
		text.append(String.format("  the account locked afterwards: %s; another user still signs in and reads: %s%n",
				flood.targetLocked() ? "yes" : "no", flood.readerStillReads() ? "yes" : "no"));
		text.append(String.format("%-32s %12s %12s %12s %12s %s%n", "Reader", "p50 alone", "p95 alone", "p50 flood",
				"p95 flood", "p95 flood / alone"));
		reader(text, "public home page /", flood.publicAlone(), flood.publicDuring());
		reader(text, "API /api/v1/me with a session", flood.apiAlone(), flood.apiDuring());
		return text.toString();
	}

	private static void reader(StringBuilder text, String label, Stretch alone, Stretch during) {
		double p95Alone = percentileMillis(alone.latencies(), 95);
		double p95During = percentileMillis(during.latencies(), 95);
		text.append(String.format("%-32s %9.1f ms %9.1f ms %9.1f ms %9.1f ms %.2f (failures %d, %d)%n", label,
				percentileMillis(alone.latencies(), 50), p95Alone, percentileMillis(during.latencies(), 50), p95During,
				p95During / p95Alone, alone.failures(), during.failures()));
	}

	static String json(Result result) {
		StringBuilder json = new StringBuilder("{\"loadAverage\":\"" + result.loadAverage() + "\",\"ways\":{");
		double session = result.ways().get(Way.SESSION).perSecond();
		String separator = "";
		for (Map.Entry<Way, Stretch> way : result.ways().entrySet()) {
			Stretch stretch = way.getValue();
			json.append(separator)
				.append(String.format(Locale.ROOT,
						"\"%s\":{\"requests\":%d,\"perSecond\":%.1f,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"failures\":%d,"
								+ "\"vsSession\":%.2f}",
						way.getKey().name().toLowerCase(Locale.ROOT), stretch.latencies().size(), stretch.perSecond(),
						percentileMillis(stretch.latencies(), 50), percentileMillis(stretch.latencies(), 95),
						stretch.failures(), stretch.perSecond() / session));
			separator = ",";
		}
		Flood flood = result.flood();
		json.append(String.format(Locale.ROOT,
				"},\"flood\":{\"targetLocked\":%s,\"readerStillReads\":%s,\"publicP95VsAlone\":%.2f,"
						+ "\"apiP95VsAlone\":%.2f,\"publicFailures\":%d,\"apiFailures\":%d}}%n",
				flood.targetLocked(), flood.readerStillReads(),
				percentileMillis(flood.publicDuring().latencies(), 95) / percentileMillis(flood.publicAlone().latencies(), 95),
				percentileMillis(flood.apiDuring().latencies(), 95) / percentileMillis(flood.apiAlone().latencies(), 95),
				flood.publicDuring().failures(), flood.apiDuring().failures()));
		return json.toString();
	}
}
