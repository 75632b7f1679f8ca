package org.cocommission.finance.globalsum;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cocommission.CoCommissionApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command (bench/finance-global-sum, issue 21): the practice global sum page of a CCG over HTTP, signed in as a
 * national user through the real form login, on the demo at the given scale (the full demo by default: about 7,800
 * practices by age and sex). Reports the first page (England's scale worked out, then kept), then p50 and p95 of
 * later pages for random CCGs, each against the same figures of a trivial page (the finance home page) requested
 * alternately in the same run. Target: the global sum page under 300 ms. Writes {@code finance-global-sum.json} and
 * {@code .txt} into the output folder ({@code target/bench} by default).
 */
public final class GlobalSumBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String PASSWORD = "global-sum-bench-password";

	private static final double TARGET_MS = 300;

	private GlobalSumBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path output = Path.of(args.length > 0 ? args[0] : "target/bench");
		String scale = args.length > 1 ? args[1] : "1.0";
		int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		Path data = Files.createTempDirectory("cocommission-bench");
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoCommissionApplication.class)
			// As arguments, which outrank the test classpath's config/application.properties (no demo there).
			.run("--cocommission.data-dir=" + data, "--cocommission.demo=true", "--cocommission.demo-scale=" + scale,
					"--cocommission.demo-password=" + PASSWORD, "--server.port=0", "--logging.level.root=WARN")) {
			double startSeconds = (System.nanoTime() - started) / 1e9;
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			signIn(http, base);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// The CCGs with member practices today: the pages a commissioner would open.
			List<String> ccgs = jdbc.sql("select distinct r.parent_code from directory_relationship r"
					+ " join directory_organisation c on c.code = r.parent_code and c.type = 'CCG'"
					+ " where r.valid_to is null and exists (select 1 from directory_registered_patients p"
					+ " where p.practice_code = r.child_code) order by 1")
				.query(String.class)
				.list();
			if (ccgs.isEmpty()) {
				throw new IllegalStateException("No CCG with practices in the demo");
			}
			// Warm the server's code paths on the trivial page only, so the first global sum page is the cold one.
			for (int i = 0; i < 20; i++) {
				timed(http, base + "/finance", "Finance");
			}
			Random random = new Random(21);
			double firstMs = timed(http, base + "/finance/global-sum/" + ccgs.get(random.nextInt(ccgs.size())),
					"Quarterly");
			List<Double> page = new ArrayList<>();
			List<Double> baseline = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				baseline.add(timed(http, base + "/finance", "Finance"));
				page.add(timed(http, base + "/finance/global-sum/" + ccgs.get(random.nextInt(ccgs.size())),
						"Quarterly"));
			}
			long practices = jdbc.sql("select count(distinct practice_code) from directory_registered_patients where sex <> 'ALL'")
				.query(Long.class)
				.optional()
				.orElse(0L);
			double p50 = percentile(page, 50);
			double p95 = percentile(page, 95);
			double baseP50 = percentile(baseline, 50);
			double baseP95 = percentile(baseline, 95);
			String json = """
					{"scale": %s, "ccgs": %d, "practicesByAgeAndSex": %d, "requests": %d, "firstPageMs": %.1f,
					 "p50PageMs": %.1f, "p95PageMs": %.1f, "baselineP50Ms": %.1f, "baselineP95Ms": %.1f,
					 "p50VsBaseline": %.2f, "p95VsBaseline": %.2f, "targetMs": %.0f, "met": %s}
					""".formatted(scale, ccgs.size(), practices, requests, firstMs, p50, p95, baseP50, baseP95,
					p50 / baseP50, p95 / baseP95, TARGET_MS, p95 < TARGET_MS && firstMs < TARGET_MS);
			List<String> report = List.of("Finance global sum page benchmark, " + Instant.now(),
					"machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
							+ System.getProperty("os.name") + ", Java " + System.getProperty("java.version"),
					"demo scale %s: %d CCGs, %,d practices with lists by age and sex; start with the demo %.1f s"
						.formatted(scale, ccgs.size(), practices, startSeconds),
					"first global sum page (England's scale worked out): %.1f ms (target under %.0f ms)"
						.formatted(firstMs, TARGET_MS),
					"later global sum pages, %d random CCGs: p50 %.1f ms, p95 %.1f ms (target under %.0f ms)"
						.formatted(requests, p50, p95, TARGET_MS),
					"baseline, the finance home page in the same run: p50 %.1f ms, p95 %.1f ms".formatted(baseP50,
							baseP95),
					"global sum / baseline: p50 %.2f, p95 %.2f".formatted(p50 / baseP50, p95 / baseP95));
			report.forEach(System.out::println);
			Files.createDirectories(output);
			Files.writeString(output.resolve("finance-global-sum.json"), json.replace("\n", "").replaceAll(" +", " ") + "\n");
			Files.write(output.resolve("finance-global-sum.txt"), report);
		}
		finally {
			try (Stream<Path> files = Files.walk(data)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
			}
		}
	}

	private static void signIn(HttpClient http, String base) throws Exception {
		Matcher csrf = CSRF.matcher(get(http, base + "/login").body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "username=national&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in refused: " + response.statusCode() + " " + location);
		}
	}

	private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Milliseconds to the whole page; refuses anything but the page itself. */
	private static double timed(HttpClient http, String url, String expected) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = get(http, url);
		double ms = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200 || !response.body().contains(expected)) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + " without \"" + expected + "\"");
		}
		return ms;
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}
}
