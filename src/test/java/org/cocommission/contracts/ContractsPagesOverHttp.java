package org.cocommission.contracts;

import static org.cocommission.outcomes.bench.BenchFigures.loadAverage;
import static org.cocommission.outcomes.bench.BenchFigures.percentileMillis;

import java.time.Duration;
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

import org.cocommission.outcomes.bench.BenchConnection;
import org.cocommission.platform.FinancialYear;

/**
 * The bench's pages over HTTP on the running application, measured as the directory pages bench measures its pages:
 * concurrent clients, each on one keep-alive socket ({@link BenchConnection}) signed in through the real form login,
 * ask in turn for the home page (the baseline), the contract register (a random type, half with a CCG), the payments
 * benchmarking page (a random year and level), a practice's contract page, and the API's payments (a random year and
 * level) and summary (a random year). After a warm-up (120 s by default: on 2 shared processors the JIT needs about two
 * minutes), p50/p95/p99 per page over a timed window and each page's p95 over the baseline's in the same run, so that
 * the machine's load cancels out of the ratio; target p95 under 100 ms. A client still asks for the rest of its round
 * of pages after the window closes, so that every page is measured by every client even in a short run.
 *
 * <p>The baseline is the signed-in home page, not the directory bench's {@code /bench/baseline}: every page here is
 * read by a signed-in client whose session is read on every request, and the home page pays that and the layout
 * and little else (its figures are cached per day), so it is the least a signed-in page costs in the same run.
 *
 * <p>Options, as system properties (e.g. {@code MAVEN_OPTS=-Dbench.contracts.warmup-seconds=20}):
 * {@code bench.contracts.clients} (20), {@code bench.contracts.warmup-seconds} (120),
 * {@code bench.contracts.load-seconds} (20).
 */
final class ContractsPagesOverHttp {

	/** The pages measured, in the order each client asks for them; the first is the baseline. */
	enum Page {

		BASELINE("baseline: home page /"), REGISTER("contract register /contracts?type="),
		BENCHMARK("payments benchmarking /contracts/payments?year=&level="),
		PRACTICE("practice's contract /contracts/practices/{code}"),
		API_PAYMENTS("API payments /api/v1/contracts/payments?year=&level="),
		API_SUMMARY("API summary /api/v1/contracts/summary?year=");

		final String label;

		Page(String label) {
			this.label = label;
		}
	}

	/**
	 * Clients, warm-up, the timed window and the pages asked for in turn: every page by default, or those named in
	 * {@code bench.contracts.pages} (e.g. {@code BASELINE,BENCHMARK}, to measure one page at 20 clients alone).
	 */
	record Options(int clients, Duration warmup, Duration measured, List<Page> pages) {

		static Options fromSystemProperties() {
			String named = System.getProperty("bench.contracts.pages", "");
			List<Page> pages = named.isBlank() ? List.of(Page.values())
					: java.util.Arrays.stream(named.split(",")).map(String::trim).map(Page::valueOf).toList();
			if (!pages.contains(Page.BASELINE)) {
				throw new IllegalArgumentException("bench.contracts.pages must include BASELINE");
			}
			return new Options(Integer.getInteger("bench.contracts.clients", 20),
					Duration.ofSeconds(Long.getLong("bench.contracts.warmup-seconds", 120)),
					Duration.ofSeconds(Long.getLong("bench.contracts.load-seconds", 20)), pages);
		}
	}

	private static final String[] LEVELS = { "practice", "ccg", "area", "england" };

	private final int port;

	private final String username;

	private final String password;

	private final int years;

	private final int practices;

	/** Practices as the bench's files name them ({@code B00000} on) and years from 2014/15. */
	ContractsPagesOverHttp(int port, String username, String password, int years, int practices) {
		this.port = port;
		this.username = username;
		this.password = password;
		this.years = years;
		this.practices = practices;
	}

	List<String> run(Options options) throws Exception {
		Map<Page, List<Long>> latencies = new LinkedHashMap<>();
		for (Page page : options.pages()) {
			latencies.put(page, Collections.synchronizedList(new ArrayList<>()));
		}
		AtomicLong failures = new AtomicLong();
		AtomicLong requests = new AtomicLong();
		String loadBefore = loadAverage();
		ExecutorService pool = Executors.newFixedThreadPool(options.clients());
		try {
			List<BenchConnection> signedIn = new ArrayList<>();
			for (int c = 0; c < options.clients(); c++) {
				signedIn.add(BenchConnection.signedIn("localhost", port, username, password));
			}
			long measureFrom = System.nanoTime() + options.warmup().toNanos();
			long stopAt = measureFrom + options.measured().toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < options.clients(); c++) {
				BenchConnection http = signedIn.get(c);
				long seed = c;
				running.add(pool.submit(() -> {
					SplittableRandom random = new SplittableRandom(seed);
					List<Page> pages = options.pages();
					int next = (int) (seed % pages.size());
					int sentInWindow = 0;
					try (http) {
						// after the window, a client finishes its round, so that each asks for every page in it
						while (System.nanoTime() < stopAt || sentInWindow < pages.size()) {
							Page page = pages.get(next);
							next = (next + 1) % pages.size();
							String path = path(page, random);
							long sent = System.nanoTime();
							BenchConnection.Response response = http.get(path);
							long took = System.nanoTime() - sent;
							requests.incrementAndGet();
							if (sent >= measureFrom) {
								sentInWindow++;
							}
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
		return report(options, latencies, failures.get(), requests.get(),
				loadBefore + " before the load, " + loadAverage() + " after");
	}

	private String path(Page page, SplittableRandom random) {
		return switch (page) {
			case BASELINE -> "/";
			case REGISTER -> "/contracts?type=" + new String[] { "GMS", "PMS", "APMS" }[random.nextInt(3)]
					+ (random.nextBoolean() ? "&ccg=" + String.format("%02dX", random.nextInt(211)) : "");
			case BENCHMARK -> "/contracts/payments?year=" + year(random) + "&level=" + LEVELS[random.nextInt(4)];
			case PRACTICE -> "/contracts/practices/" + String.format("B%05d", random.nextInt(practices));
			case API_PAYMENTS -> "/api/v1/contracts/payments?year=" + year(random) + "&level="
					+ LEVELS[random.nextInt(4)];
			case API_SUMMARY -> "/api/v1/contracts/summary?year=" + year(random);
		};
	}

	private String year(SplittableRandom random) {
		return new FinancialYear(2014 + random.nextInt(years)).toString();
	}

	private static List<String> report(Options options, Map<Page, List<Long>> latencies, long failures, long requests,
			String load) {
		List<String> report = new ArrayList<>();
		report.add(String.format(Locale.UK, "pages over HTTP, %d signed-in clients, %d s after %d s warm-up:",
				options.clients(), options.measured().toSeconds(), options.warmup().toSeconds()));
		report.add("  load average (1, 5, 15 min): " + load);
		report.add(String.format(Locale.UK, "  requests: %,d, failed requests: %d", requests, failures));
		double baseline = percentileMillis(latencies.get(Page.BASELINE), 95);
		report.add(String.format(Locale.UK, "  %-56s %8s %8s %8s %8s %9s %s", "Page", "requests", "p50 ms", "p95 ms",
				"p99 ms", "p95/base", "target p95 < 100 ms"));
		for (Map.Entry<Page, List<Long>> page : latencies.entrySet()) {
			List<Long> times = page.getValue();
			double p95 = percentileMillis(times, 95);
			report.add(String.format(Locale.UK, "  %-56s %8d %8.1f %8.1f %8.1f %9.2f %s", page.getKey().label,
					times.size(), percentileMillis(times, 50), p95, percentileMillis(times, 99), p95 / baseline,
					p95 < 100 ? "met" : "missed"));
		}
		return report;
	}
}
