package org.cocommission.outcomes;

import java.io.IOException;
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
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent clients, each signed in through the real form login (with its CSRF token) as a national user, asking
 * alternately for an indicator page (a period and a CCG chosen) and a CCG's spine chart API, for random indicators and
 * CCGs. Latencies are kept only after the warm-up.
 */
final class OutcomesBenchLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** Latencies in nanoseconds per endpoint, and requests that failed. */
	record Result(List<Long> indicatorPage, List<Long> spineApi, long failures) {

		List<Long> all() {
			List<Long> all = new ArrayList<>(indicatorPage);
			all.addAll(spineApi);
			return all;
		}
	}

	private final String base;

	private final String username;

	private final String password;

	private final List<String> indicators;

	private final List<String> periods;

	private final List<String> ccgs;

	OutcomesBenchLoad(int port, String username, String password, List<String> indicators, List<String> periods,
			List<String> ccgs) {
		this.base = "http://localhost:" + port;
		this.username = username;
		this.password = password;
		this.indicators = indicators;
		this.periods = periods;
		this.ccgs = ccgs;
	}

	Result run(int clients, Duration warmup, Duration measured) throws Exception {
		List<Long> indicatorPage = Collections.synchronizedList(new ArrayList<>());
		List<Long> spineApi = Collections.synchronizedList(new ArrayList<>());
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<HttpClient> signedIn = new ArrayList<>();
			List<Callable<HttpClient>> signIns = Collections.nCopies(clients, this::signIn);
			for (Future<HttpClient> client : pool.invokeAll(signIns)) {
				signedIn.add(client.get());
			}
			// The clock starts once every client is signed in: sign-in hashes passwords, which is not what is measured.
			long measureFrom = System.nanoTime() + warmup.toNanos();
			long stopAt = measureFrom + measured.toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				HttpClient http = signedIn.get(client);
				long seed = client;
				running.add(pool.submit(() -> {
					client(http, seed, measureFrom, stopAt, indicatorPage, spineApi, failures);
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
		return new Result(List.copyOf(indicatorPage), List.copyOf(spineApi), failures.get());
	}

	private void client(HttpClient http, long seed, long measureFrom, long stopAt, List<Long> indicatorPage,
			List<Long> spineApi, AtomicLong failures) throws IOException, InterruptedException {
		SplittableRandom random = new SplittableRandom(seed);
		boolean page = seed % 2 == 0;
		while (System.nanoTime() < stopAt) {
			String ccg = ccgs.get(random.nextInt(ccgs.size()));
			String path = page
					? "/outcomes/indicators/" + indicators.get(random.nextInt(indicators.size())) + "?level=ccg&period="
							+ periods.get(random.nextInt(periods.size())) + "&org=" + ccg
					: "/api/v1/outcomes/spine/" + ccg;
			long started = System.nanoTime();
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			long took = System.nanoTime() - started;
			if (response.statusCode() != 200) {
				failures.incrementAndGet();
			}
			else if (started >= measureFrom) {
				(page ? indicatorPage : spineApi).add(took);
			}
			page = !page;
		}
	}

	/** A client with its own cookies, signed in through the form login. */
	private HttpClient signIn() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode() + " " + location);
		}
		return http;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The q-th percentile (0-100) of latencies in nanoseconds, in milliseconds, by the nearest-rank method. */
	static double percentileMillis(List<Long> nanos, double q) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(q / 100 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1e6;
	}
}
