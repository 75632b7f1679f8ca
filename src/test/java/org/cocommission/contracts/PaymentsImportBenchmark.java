package org.cocommission.contracts;

import static org.cocommission.bench.CopyBaseline.copyIntoScratch;
import static org.cocommission.bench.CopyBaseline.time;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;


import org.cocommission.CoCommissionApplication;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command (bench/contracts-payments): NHS Payments to General Practice at national scale, by default 8,000
 * practices x 9 years x 60 money columns. For each year, a bare PostgreSQL COPY of the file's rows into an unindexed
 * table (the least any import could cost) and then the import itself, all or nothing, with the register fed from it
 * (untimed); reported as COPY time / import time (target at least 0.8), after a warm-up of the JIT on imports of a
 * year after those measured: first for each year's first import, then for each year imported again, three times.
 * Then the benchmarking page's reads
 * (England by type, the chosen level, deciles and the trend across every year) by 20 concurrent clients for 20 seconds
 * (system property {@code bench.contracts.service-seconds}), p95 per page (target under 100 ms), timed in the service;
 * then the pages over HTTP on the running application, signed-in clients against the home page as a baseline
 * ({@link ContractsPagesOverHttp}).
 */
public final class PaymentsImportBenchmark {

	private static final int MONEY_COLUMNS = 60;

	private PaymentsImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int practices = args.length > 1 ? Integer.parseInt(args[1]) : 8_000;
		int years = args.length > 2 ? Integer.parseInt(args[2]) : 9;
		Path data = Files.createTempDirectory("cocommission-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoCommissionApplication.class)
			.properties("cocommission.data-dir=" + data, "cocommission.demo=false", "server.port=0",
					"logging.level.root=WARN", "logging.level.org.cocommission.contracts=DEBUG")
			.run()) {
			Payments payments = context.getBean(Payments.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DataSource dataSource = context.getBean(DataSource.class);
			List<String> report = new ArrayList<>();
			report.add("Payments import benchmark (%d practices x %d years x %d money columns)".formatted(practices, years,
					MONEY_COLUMNS));
			// the JIT warmed up on the import's path first, by imports of a year after the years measured; then each
			// year imported for the first time (its table and view made, and the view of every year), then each again
			// (the year's table emptied and copied into), three times
			report.add(warmUp(payments, dataSource, jdbc, practices, years));
			report.add(imports(payments, dataSource, jdbc, practices, years, "first import"));
			for (int round = 1; round <= 3; round++) {
				report.add(imports(payments, dataSource, jdbc, practices, years, "re-import " + round));
			}
			payments.feedRegister();
			report.add(pages(payments, years));
			String password = "bench-contracts-password";
			ActingAs.system(() -> context.getBean(UserAccounts.class)
				.create(new NewUser("bench-national", "Bench", null, Role.NATIONAL, "X24", password)));
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			report.addAll(new ContractsPagesOverHttp(port, "bench-national", password, years, practices)
				.run(ContractsPagesOverHttp.Options.fromSystemProperties()));
			report.forEach(System.out::println);
			Path out = Path.of(args.length > 0 ? args[0] : "target/bench-contracts-payments.txt");
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.write(out, report);
		}
	}

	/**
	 * Imports of a year after those measured, each against a COPY as the rounds measure them, until the JIT has
	 * compiled the import's path (system property {@code bench.contracts.import-warmups}, 10 by default); untimed.
	 */
	private static String warmUp(Payments payments, DataSource dataSource, JdbcClient jdbc, int practices, int years) {
		int warmUps = Integer.getInteger("bench.contracts.import-warmups", 10);
		FinancialYear year = new FinancialYear(2014 + years);
		String file = file(practices, new Random(years));
		for (int i = 0; i < warmUps; i++) {
			importBesideCopy(payments, dataSource, jdbc, year, file);
		}
		return "JIT warm-up: %d imports of %s, untimed".formatted(warmUps, year);
	}

	/**
	 * Each year's file imported, against a bare COPY of its rows just before; a line a year and the round's ratio of
	 * the COPYs' time to the imports'.
	 */
	private static String imports(Payments payments, DataSource dataSource, JdbcClient jdbc, int practices, int years,
			String round) {
		List<String> lines = new ArrayList<>();
		long copyNanos = 0;
		long importNanos = 0;
		for (int y = 0; y < years; y++) {
			FinancialYear year = new FinancialYear(2014 + y);
			Timed timed = importBesideCopy(payments, dataSource, jdbc, year, file(practices, new Random(y)));
			copyNanos += timed.copy().toNanos();
			importNanos += timed.imported().toNanos();
			lines.add(String.format(Locale.UK, "%s, %s: COPY %6d ms, import %6d ms, COPY / import %.2f (then the"
					+ " register fed in %d ms)", year, round, timed.copy().toMillis(), timed.imported().toMillis(),
					(double) timed.copy().toNanos() / timed.imported().toNanos(), timed.fed().toMillis()));
		}
		lines.add(String.format(Locale.UK, "all years, %s: COPY / import %.2f (target at least 0.8)", round,
				(double) copyNanos / importNanos));
		return String.join("\n", lines);
	}

	/** A year's bare COPY, its import and the register's feed after it. */
	private record Timed(Duration copy, Duration imported, Duration fed) {
	}

	/** A bare COPY of the file's rows, then the import of the file, each from the file's bytes, as an upload brings it. */
	private static Timed importBesideCopy(Payments payments, DataSource dataSource, JdbcClient jdbc, FinancialYear year,
			String file) {
		byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
		byte[] rows = file.substring(file.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
		Duration copy = time(() -> copyIntoScratch(dataSource, jdbc, "bench_payments_scratch", rows,
				13 + 4 + MONEY_COLUMNS));
		Duration imported = time(() -> ActingAs.system(() -> payments.importFile(year, "bench.csv",
				new ByteArrayInputStream(bytes))));
		// the register is fed after the import's commit: waited for here, untimed, so that it does not run beside the
		// next COPY
		Duration fed = time(payments::feedRegister);
		return new Timed(copy, imported, fed);
	}

	/** 20 clients reading the benchmarking page's data for random years and levels; p50 and p95 in milliseconds. */
	private static String pages(Payments payments, int years) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(20);
		long until = System.nanoTime()
				+ Duration.ofSeconds(Long.getLong("bench.contracts.service-seconds", 20)).toNanos();
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int c = 0; c < 20; c++) {
			int seed = c;
			futures.add(clients.submit(() -> {
				Random random = new Random(seed);
				List<Long> times = new ArrayList<>();
				while (System.nanoTime() < until) {
					FinancialYear year = new FinancialYear(2014 + random.nextInt(years));
					PaymentLevel level = random.nextBoolean() ? PaymentLevel.CCG : PaymentLevel.AREA;
					long start = System.nanoTime();
					payments.rows(year, PaymentLevel.ENGLAND, false);
					payments.rows(year, PaymentLevel.ENGLAND, true);
					payments.practiceRates(year);
					payments.rows(year, level, false);
					for (FinancialYear each : payments.years()) {
						payments.rows(each, PaymentLevel.ENGLAND, true);
					}
					times.add(System.nanoTime() - start);
				}
				return times;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		clients.shutdown();
		Collections.sort(all);
		return String.format(Locale.UK, "benchmark page reads, 20 clients: %d pages, p50 %.1f ms, p95 %.1f ms"
				+ " (target p95 under 100 ms)", all.size(), all.get(all.size() / 2) / 1e6,
				all.get((int) Math.ceil(all.size() * 0.95) - 1) / 1e6);
	}

	private static String file(int practices, Random random) {
		StringBuilder file = new StringBuilder(practices * MONEY_COLUMNS * 8);
		file.append("\uFEFFNHS England (Region) code,NHS England (Region) Name,CCG Code,CCG NAME,Practice Code,")
			.append("Practice Name,Practice Address,Practice Postcode,Practice Open Date,Practice Close Date,")
			.append("Contract Type,Dispensing Practice,Quarter used for patient data,")
			.append("Number of Registered Patients (Last Known Figure),Number of Weighted Patients (Last Known Figure),")
			.append("Average payments per registered patient,Average payments per weighted patient");
		for (int line = 1; line < MONEY_COLUMNS - 1; line++) {
			file.append(",Payment line ").append(line);
		}
		file.append(",Total NHS Payments to General Practice,Deductions\n");
		String[] types = { "GMS", "GMS", "GMS", "GMS", "PMS", "PMS", "PMS", "APMS" };
		for (int p = 0; p < practices; p++) {
			int registered = 2_000 + random.nextInt(15_000);
			int weighted = (int) (registered * (0.85 + random.nextDouble() * 0.3));
			file.append("Q").append(10 + p % 27).append(",AREA TEAM,").append(String.format("%02dX", p % 211))
				.append(",NHS BENCH CCG,").append(String.format("B%05d", p)).append(",BENCH PRACTICE ").append(p)
				.append(",ADDRESS,AB1 2CD,-,-,").append(types[p % types.length]).append(",No,Q2,").append(registered)
				.append(',').append(weighted).append(",120.00,130.00");
			long total = 0;
			for (int line = 1; line < MONEY_COLUMNS - 1; line++) {
				long amount = random.nextInt(20_000);
				total += amount;
				file.append(',').append(amount).append('.').append(random.nextInt(90) + 10);
			}
			file.append(',').append(total).append(",-").append(total / 9).append('\n');
		}
		return file.toString();
	}
}
