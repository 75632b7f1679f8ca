package org.cocommission.contracts;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cocommission.platform.FinancialYear;

/**
 * The bench's page client: concurrent clients, each signed in through the real form login (with its CSRF token),
 * asking in turn for a baseline page (the home page, the least a signed-in page costs), the contract register (a
 * random filter) and the payments benchmarking page (a random year and level), over HTTP on the running application.
 * Latencies are kept after a warm-up; p50 and p95 per page, and each page's p95 over the baseline's.
 */
final class ContractsPagesOverHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String[] PAGES = { "baseline (home page)", "register", "benchmark" };

	private final int port;

	private final String username;

	private final String password;

	private final int years;

	ContractsPagesOverHttp(int port, String username, String password, int years) {
		this.port = port;
		this.username = username;
		this.password = password;
		this.years = years;
	}

	List<String> run(int clients, Duration warmup, Duration measured) throws Exception {
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		for (String page : PAGES) {
			latencies.put(page, Collections.synchronizedList(new ArrayList<>()));
		}
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<HttpClient> signedIn = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				signedIn.add(signIn());
			}
			long measureFrom = System.nanoTime() + warmup.toNanos();
			long stopAt = measureFrom + measured.toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				HttpClient http = signedIn.get(c);
				int seed = c;
				running.add(pool.submit(() -> {
					Random random = new Random(seed);
					int turn = seed % PAGES.length;
					while (System.nanoTime() < stopAt) {
						String path = switch (turn) {
							case 0 -> "/";
							case 1 -> "/contracts?type=" + new String[] { "GMS", "PMS", "APMS" }[random.nextInt(3)]
									+ (random.nextBoolean() ? "&ccg=" + String.format("%02dX", random.nextInt(211)) : "");
							default -> "/contracts/payments?year="
									+ new FinancialYear(2014 + random.nextInt(years)) + "&level="
									+ (random.nextBoolean() ? "ccg" : "area");
						};
						long started = System.nanoTime();
						HttpResponse<byte[]> response = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
						long took = System.nanoTime() - started;
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
						}
						else if (started >= measureFrom) {
							latencies.get(PAGES[turn]).add(took);
						}
						turn = (turn + 1) % PAGES.length;
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
		List<String> report = new ArrayList<>();
		double baseline = percentile(latencies.get(PAGES[0]), 95);
		report.add(String.format(Locale.UK, "pages over HTTP, %d clients, %d s after %d s warm-up (%d failed requests):",
				clients, measured.toSeconds(), warmup.toSeconds(), failures.get()));
		for (String page : PAGES) {
			List<Long> times = latencies.get(page);
			double p95 = percentile(times, 95);
			report.add(String.format(Locale.UK, "  %-22s %6d requests, p50 %7.1f ms, p95 %7.1f ms, p95 / baseline p95 %.1f",
					page, times.size(), percentile(times, 50), p95, p95 / baseline));
		}
		return report;
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}

	private HttpClient signIn() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		Matcher csrf = CSRF.matcher(http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
					+ "&_csrf=" + encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode());
		}
		return http;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The q-th percentile of latencies in nanoseconds, in milliseconds, by the nearest rank. */
	static double percentile(List<Long> nanos, double q) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.max(0, (int) Math.ceil(q / 100 * sorted.size()) - 1)) / 1e6;
	}
}
