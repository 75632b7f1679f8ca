package org.cocommission.outcomes.bench;

import java.io.IOException;
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


/**
 * Concurrent clients, each signed in through the real form login (with its CSRF token) as a national user, asking
 * alternately for an indicator page (a period and a CCG chosen) and a CCG's spine chart API, for random indicators and
 * CCGs. Every other indicator page is read as it was ({@code structure=as-was}, the stored values: the plain read) and
 * the others re-mapped onto the structure date ({@code structure=YYYY-MM-DD}, computed on read and kept), so that both
 * are timed in the same run (issue 16, "page p95 unchanged"). Latencies are kept only after the warm-up.
 */
final class OutcomesBenchLoad {


	/**
	 * Latencies in nanoseconds per endpoint after the warm-up, of every request during it, and requests that failed.
	 */
	record Result(List<Long> indicatorPage, List<Long> spineApi, List<Long> warmup, long failures,
			List<Long> pagePlain, List<Long> pageRemapped) {

		List<Long> all() {
			List<Long> all = new ArrayList<>(indicatorPage);
			all.addAll(spineApi);
			return all;
		}
	}

	private final int port;

	private final String username;

	private final String password;

	private final List<String> indicators;

	private final List<String> periods;

	private final List<String> ccgs;

	private final String structureDate;

	OutcomesBenchLoad(int port, String username, String password, List<String> indicators, List<String> periods,
			List<String> ccgs, java.time.LocalDate structureDate) {
		this.structureDate = structureDate.toString();
		this.port = port;
		this.username = username;
		this.password = password;
		this.indicators = indicators;
		this.periods = periods;
		this.ccgs = ccgs;
	}

	Result run(int clients, Duration warmup, Duration measured) throws Exception {
		List<Long> indicatorPage = Collections.synchronizedList(new ArrayList<>());
		List<Long> spineApi = Collections.synchronizedList(new ArrayList<>());
		List<Long> warmupLatencies = Collections.synchronizedList(new ArrayList<>());
		List<Long> pagePlain = Collections.synchronizedList(new ArrayList<>());
		List<Long> pageRemapped = Collections.synchronizedList(new ArrayList<>());
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		Latencies latencies = new Latencies(indicatorPage, spineApi, warmupLatencies, pagePlain, pageRemapped);
		List<BenchConnection> signedIn = new ArrayList<>();
		try {
			List<Callable<BenchConnection>> signIns = Collections.nCopies(clients,
					() -> BenchConnection.signedIn("localhost", port, username, password));
			for (Future<BenchConnection> client : pool.invokeAll(signIns)) {
				signedIn.add(client.get());
			}
			// The clock starts once every client is signed in: sign-in hashes passwords, which is not what is measured.
			long measureFrom = System.nanoTime() + warmup.toNanos();
			long stopAt = measureFrom + measured.toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				BenchConnection http = signedIn.get(client);
				long seed = client;
				running.add(pool.submit(() -> {
					client(http, seed, measureFrom, stopAt, latencies, failures);
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
			for (BenchConnection connection : signedIn) {
				connection.close();
			}
		}
		return new Result(List.copyOf(indicatorPage), List.copyOf(spineApi), List.copyOf(warmupLatencies),
				failures.get(), List.copyOf(pagePlain), List.copyOf(pageRemapped));
	}

	/** Where a client's latencies go. */
	private record Latencies(List<Long> indicatorPage, List<Long> spineApi, List<Long> warmup, List<Long> pagePlain,
			List<Long> pageRemapped) {
	}

	private void client(BenchConnection http, long seed, long measureFrom, long stopAt, Latencies latencies,
			AtomicLong failures) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		boolean page = seed % 2 == 0;
		boolean remapped = seed % 4 < 2;
		while (System.nanoTime() < stopAt) {
			String ccg = ccgs.get(random.nextInt(ccgs.size()));
			String path = page
					? "/outcomes/indicators/" + indicators.get(random.nextInt(indicators.size())) + "?level=ccg&period="
							+ periods.get(random.nextInt(periods.size())) + "&org=" + ccg + "&structure="
							+ (remapped ? structureDate : "as-was")
					: "/api/v1/outcomes/spine/" + ccg;
			long started = System.nanoTime();
			BenchConnection.Response response = http.get(path);
			long took = System.nanoTime() - started;
			if (response.status() != 200) {
				failures.incrementAndGet();
			}
			else if (started < measureFrom) {
				latencies.warmup().add(took);
			}
			else {
				(page ? latencies.indicatorPage() : latencies.spineApi()).add(took);
				if (page) {
					(remapped ? latencies.pageRemapped() : latencies.pagePlain()).add(took);
				}
			}
			if (page) {
				remapped = !remapped;
			}
			page = !page;
		}
	}
}
