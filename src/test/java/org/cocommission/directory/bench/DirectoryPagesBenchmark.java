package org.cocommission.directory.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.cocommission.directory.Directory;
import org.cocommission.outcomes.bench.BenchApplication;
import org.cocommission.outcomes.bench.BenchArgs;
import org.cocommission.outcomes.bench.BenchConnection;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.cocommission.outcomes.bench.BenchFigures.loadAverage;
import static org.cocommission.outcomes.bench.BenchFigures.percentileMillis;

/**
 * The directory pages under load ({@code bench/directory-pages}, run from the test classpath so that none of it ships),
 * beside the outcomes bench and with the same report: on its own embedded PostgreSQL, the application starts with the
 * demo (national by default), then 20 clients ask in turn for the home page, the organisation list, an organisation's
 * page, a search, the same reads through the API (a list filtered by type and words, an organisation, a search, and
 * coverage on one of the quarter days since April 2013), and the baseline ({@link BaselinePage}: the same layout,
 * reading and writing nothing), each client on one keep-alive socket. After the warm-up, p50/p95/p99 per page and each
 * page's p95 as a ratio to the baseline's in the same run (the machine's load cancels out of the ratio); target p95
 * under 100 ms. Also times the home page's national coverage computed without its cache, and counts the sessions the
 * load wrote (none: an anonymous reader needs none, and a client carrying a session cookie would make every page read
 * it). Writes directory-pages.json and directory-pages.txt. Exit codes: 0 ran, 2 usage, 3 could not run.
 */
public final class DirectoryPagesBenchmark {

	/** The pages measured, in the order each client asks for them; the last is the baseline. */
	enum Page {

		HOME("home page /"), ORGANISATIONS("organisation list /organisations"),
		ORGANISATION("organisation page /organisations/{code}"), SEARCH("search /search?q="),
		API_ORGANISATIONS("API list /api/v1/organisations?type=&q="),
		API_ORGANISATION("API organisation /api/v1/organisations/{code}"), API_SEARCH("API search /api/v1/search?q="),
		API_COVERAGE("API coverage /api/v1/coverage?date="), BASELINE("baseline: layout only " + BaselinePage.PATH);

		final String label;

		Page(String label) {
			this.label = label;
		}
	}

	record Options(double scale, int clients, Duration warmup, Duration measured, Path output) {

		static Options parse(String... args) {
			BenchArgs given = BenchArgs.parse(args, "--scale", "--clients", "--warmup-seconds", "--load-seconds",
					"--output");
			// As the outcomes bench: on 2 shared processors the JIT needs about two minutes to compile the hot paths.
			return new Options(given.decimal("--scale", 1.0), given.whole("--clients", 20),
					given.seconds("--warmup-seconds", 120), given.seconds("--load-seconds", 20),
					given.path("--output", Path.of("target", "bench")));
		}
	}

	/** What a run found: latencies (ns) per page after the warm-up, failures, and preparation times in seconds. */
	record Result(Map<Page, List<Long>> latencies, long failures, long requests, long sessionsWritten,
			double coverageUncachedMs, Map<String, Double> preparation, String loadAverage) {
	}

	private DirectoryPagesBenchmark() {
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
			System.err.println("bench/directory-pages: " + ex.getMessage() + "\nOptions: --scale S (1.0)"
					+ " --clients N (20) --warmup-seconds N (120) --load-seconds N (20) --output DIR (target/bench)");
			return 2;
		}
		try {
			Path temporary = Files.createTempDirectory("directory-pages-bench");
			Result result = measure(options, temporary);
			String text = text(options, result);
			Files.createDirectories(options.output());
			Files.writeString(options.output().resolve("directory-pages.txt"), text);
			Files.writeString(options.output().resolve("directory-pages.json"), json(result));
			System.out.println(text);
			return 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
			return 3;
		}
	}

	static Result measure(Options options, Path temporary) throws Exception {
		Map<String, Double> preparation = new LinkedHashMap<>();
		long started = System.nanoTime();
		try (BenchApplication application = BenchApplication.startWithDemo(temporary, options.scale(),
				"directory-pages-bench", BaselinePage.class)) {
			preparation.put("embedded PostgreSQL, application start and demo load", seconds(started));
			int port = application.port();
			JdbcClient jdbc = application.bean(JdbcClient.class);
			List<String> codes = jdbc.sql("select code from directory_organisation where type in ('CCG', 'GP_PRACTICE')"
					+ " and not placeholder order by md5(code) limit 2000").query(String.class).list();
			List<String> words = jdbc.sql("select distinct split_part(name, ' ', 1) from directory_organisation"
					+ " where type = 'GP_PRACTICE' and length(split_part(name, ' ', 1)) >= 4 limit 500")
				.query(String.class)
				.list();
			Directory directory = application.bean(Directory.class);
			List<LocalDate> dates = new ArrayList<>();
			for (LocalDate date = LocalDate.of(2013, 4, 1); !date.isAfter(directory.today()); date = date.plusMonths(3)) {
				dates.add(date);
			}
			double coverageMs = uncachedCoverage(directory);
			Map<Page, List<Long>> latencies = new LinkedHashMap<>();
			for (Page page : Page.values()) {
				latencies.put(page, Collections.synchronizedList(new ArrayList<>()));
			}
			AtomicLong failures = new AtomicLong();
			AtomicLong requests = new AtomicLong();
			long sessionsBefore = sessions(jdbc);
			String loadBefore = loadAverage();
			load(port, options, codes, words, dates, latencies, failures, requests);
			return new Result(latencies, failures.get(), requests.get(), sessions(jdbc) - sessionsBefore,
					coverageMs, preparation, loadBefore + " before the load, " + loadAverage() + " after");
		}
	}

	private static long sessions(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	/** The national coverage as the home page computed it on every visit before it was cached: median of 5. */
	private static double uncachedCoverage(Directory directory) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			directory.coverage(directory.today());
			times.add(System.nanoTime() - started);
		}
		return percentileMillis(times, 50);
	}

	private static void load(int port, Options options, List<String> codes, List<String> words, List<LocalDate> dates,
			Map<Page, List<Long>> latencies, AtomicLong failures, AtomicLong requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(options.clients());
		long measureFrom = System.nanoTime() + options.warmup().toNanos();
		long stopAt = measureFrom + options.measured().toNanos();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < options.clients(); client++) {
				long seed = client;
				running.add(pool.submit(() -> {
					SplittableRandom random = new SplittableRandom(seed);
					int next = (int) (seed % Page.values().length);
					try (BenchConnection http = new BenchConnection("localhost", port)) {
						while (System.nanoTime() < stopAt) {
							Page page = Page.values()[next];
							next = (next + 1) % Page.values().length;
							String path = switch (page) {
								case HOME -> "/";
								case ORGANISATIONS -> "/organisations";
								case ORGANISATION -> "/organisations/" + codes.get(random.nextInt(codes.size()));
								case SEARCH -> "/search?q=" + URLEncoder.encode(
										words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT),
										StandardCharsets.UTF_8);
								case API_ORGANISATIONS -> "/api/v1/organisations?type="
										+ (random.nextBoolean() ? "GP_PRACTICE" : "CCG") + "&q=" + word(words, random);
								case API_ORGANISATION -> "/api/v1/organisations/" + codes.get(random.nextInt(codes.size()));
								case API_SEARCH -> "/api/v1/search?q=" + word(words, random);
								case API_COVERAGE -> "/api/v1/coverage?date=" + dates.get(random.nextInt(dates.size()));
								case BASELINE -> BaselinePage.PATH;
							};
							long sent = System.nanoTime();
							BenchConnection.Response response = http.get(path);
							long took = System.nanoTime() - sent;
							requests.incrementAndGet();
							if (response.status() != 200) {
								if (failures.incrementAndGet() == 1) {
									System.err.printf("First failure: %d for %s%s%n", response.status(), path,
											response.location() == null ? "" : " (to " + response.location() + ")");
								}
							}
							else if (sent >= measureFrom) {
								latencies.get(page).add(took);
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One of the words, as someone would type it, encoded for a query string. */
	private static String word(List<String> words, SplittableRandom random) {
		return URLEncoder.encode(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT),
				StandardCharsets.UTF_8);
	}

	static String text(Options options, Result result) {
		StringBuilder text = new StringBuilder();
		text.append("Directory pages bench, ").append(Instant.now()).append('\n');
		text.append(String.format("Machine: %d processors, Java %s; demo scale %s; %d clients, warm-up %d s, load %d s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.scale(),
				options.clients(), options.warmup().toSeconds(), options.measured().toSeconds()));
		result.preparation().forEach((step, seconds) -> text.append(String.format("  %s: %.1f s%n", step, seconds)));
		text.append(String.format("Home page coverage computed without the cache: %.1f ms (median of 5)%n",
				result.coverageUncachedMs()));
		text.append(String.format("Load average (1, 5, 15 min): %s%n", result.loadAverage()));
		text.append(String.format("Requests: %,d, failures: %d, sessions written: %d%n", result.requests(),
				result.failures(), result.sessionsWritten()));
		double baseline = percentileMillis(result.latencies().get(Page.BASELINE), 95);
		text.append(String.format("%-48s %8s %8s %8s %8s %10s %s%n", "Page", "requests", "p50 ms", "p95 ms", "p99 ms",
				"p95/base", "target p95 < 100 ms"));
		for (Map.Entry<Page, List<Long>> page : result.latencies().entrySet()) {
			double p95 = percentileMillis(page.getValue(), 95);
			text.append(String.format("%-48s %8d %8.1f %8.1f %8.1f %10.2f %s%n", page.getKey().label,
					page.getValue().size(), percentileMillis(page.getValue(), 50), p95,
					percentileMillis(page.getValue(), 99), p95 / baseline, p95 < 100 ? "met" : "missed"));
		}
		return text.toString();
	}

	static String json(Result result) {
		double baseline = percentileMillis(result.latencies().get(Page.BASELINE), 95);
		StringBuilder json = new StringBuilder("{\"requests\":" + result.requests() + ",\"failures\":" + result.failures()
				+ ",\"sessionsWritten\":" + result.sessionsWritten() + ",\"loadAverage\":\"" + result.loadAverage() + "\""
				+ String.format(Locale.ROOT, ",\"coverageUncachedMs\":%.1f,\"pages\":{", result.coverageUncachedMs()));
		String separator = "";
		for (Map.Entry<Page, List<Long>> page : result.latencies().entrySet()) {
			double p95 = percentileMillis(page.getValue(), 95);
			json.append(separator)
				.append(String.format(Locale.ROOT,
						"\"%s\":{\"requests\":%d,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"p95VsBaseline\":%.2f}",
						page.getKey().name().toLowerCase(Locale.ROOT), page.getValue().size(),
						percentileMillis(page.getValue(), 50), p95, percentileMillis(page.getValue(), 99),
						p95 / baseline));
			separator = ",";
		}
		return json.append("}}\n").toString();
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}
}
