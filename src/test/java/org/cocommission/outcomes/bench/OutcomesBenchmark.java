package org.cocommission.outcomes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import org.cocommission.CoCommissionApplication;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.StoredWithoutRecomputing;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.compute.ValueComputation;
import org.cocommission.platform.EmbeddedPostgresServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcomes bench ({@code bench/outcomes}, run from the test classpath so that none of it ships): on its own
 * embedded PostgreSQL in a temporary directory, it starts the application, builds a synthetic national directory and
 * one long CSV of observations, and measures in one run the import against PostgreSQL's own COPY of the same file, the
 * full recompute against the reference SQL script (whose results it checks equal the engine's), and the p95 latency
 * of the indicator page and the spine chart API under concurrent signed-in clients. Writes outcomes.json and
 * outcomes.txt. Exit codes: 0 ran and the check passed, 1 the check failed, 2 usage, 3 the bench could not run.
 */
public final class OutcomesBenchmark {

	/** The series starts when the CCGs did; one practice in 50 changes CCG a year later. */
	private static final LocalDate FIRST_MONTH = LocalDate.of(2013, 4, 1);

	private static final String USERNAME = "bench-national";

	private OutcomesBenchmark() {
	}

	/** {@code bench/outcomes [options]}: runs the bench on the application and exits with its code. */
	public static void main(String[] args) {
		System.exit(run(CoCommissionApplication.class, args));
	}

	/** Runs the bench against the application class given and returns the process's exit code. */
	public static int run(Class<?> application, String... args) {
		OutcomesBenchOptions options;
		try {
			options = OutcomesBenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(OutcomesBenchOptions.USAGE);
			return 2;
		}
		Path temporary = null;
		try {
			temporary = Files.createTempDirectory("cocommission-outcomes-bench");
			return run(application, options, temporary);
		}
		catch (Exception ex) {
			System.err.println("The outcomes bench could not run: " + ex);
			ex.printStackTrace();
			return 3;
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	private static int run(Class<?> application, OutcomesBenchOptions options, Path temporary) throws Exception {
		Map<String, Double> preparation = new LinkedHashMap<>();
		// Quiet from the start: the embedded server logs every line of initdb before Spring configures logging.
		LoggingSystem logging = LoggingSystem.get(OutcomesBenchmark.class.getClassLoader());
		logging.beforeInitialize();
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.ERROR);
		progress("starting an embedded PostgreSQL and the application");
		long started = System.nanoTime();
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.configured(temporary.resolve("postgres"))
			.setCleanDataDirectory(true)
			.start()) {
			String url = EmbeddedPostgresServer.jdbcUrl(postgres, "cocommission");
			// Only the application's own settings: the tests' config/application.properties is on this classpath too.
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
				.logStartupInfo(false)
				.run("--spring.config.location=classpath:/application.properties", "--spring.datasource.url=" + url,
						"--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=10",
						"--spring.datasource.hikari.minimum-idle=10", "--cocommission.data-dir=" + temporary,
						"--cocommission.demo=false", "--cocommission.admin-password=", "--server.port=0",
						"--spring.main.banner-mode=off", "--logging.level.root=ERROR")) {
				preparation.put("embedded PostgreSQL and application start", seconds(started));
				try {
					return finish(options, new Bench(context, options, temporary, preparation).measure());
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}
		}
	}

	private static int finish(OutcomesBenchOptions options, OutcomesBenchReport.Figures figures) throws IOException {
		String text = OutcomesBenchReport.text(figures, Instant.now());
		OutcomesBenchReport.write(options.output(), figures, text);
		System.out.print(text);
		System.out.println("Written to " + options.output().resolve("outcomes.json") + " and outcomes.txt");
		return figures.check().passed() ? 0 : 1;
	}

	/** One run's steps, in the order they are measured. */
	private static final class Bench {

		private final ConfigurableApplicationContext context;

		private final OutcomesBenchOptions options;

		private final Path temporary;

		private final Map<String, Double> preparation;

		private final JdbcTemplate jdbc;

		private final DataSource dataSource;

		Bench(ConfigurableApplicationContext context, OutcomesBenchOptions options, Path temporary,
				Map<String, Double> preparation) {
			this.context = context;
			this.options = options;
			this.temporary = temporary;
			this.preparation = preparation;
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.dataSource = context.getBean(DataSource.class);
		}

		OutcomesBenchReport.Figures measure() throws Exception {
			String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
			context.getBean(UserAccounts.class)
				.create(new NewUser(USERNAME, "Outcomes bench (national)", null, Role.NATIONAL, "X24", password));
			signInAs(USERNAME);
			progress("building the synthetic directory of " + options.practices() + " practices");
			long started = System.nanoTime();
			var directory = new OutcomesBenchDirectory(options.practices(), FIRST_MONTH,
					FIRST_MONTH.plusMonths(Math.max(1, options.months() / 2)));
			directory.load(context.getBean(DirectoryImports.class));
			context.getBean(PeerGroups.class).recompute();
			preparation.put("directory (ODS files, lists) and peer groups", seconds(started));

			progress("writing the observations");
			started = System.nanoTime();
			var indicators = OutcomesBenchIndicators.prepare(context.getBean(Indicators.class),
					context.getBean(JdbcClient.class), options.indicators());
			List<String> periods = OutcomesBenchData.periods(FIRST_MONTH, options.months());
			Path csv = temporary.resolve("bench-observations.csv");
			long rows = OutcomesBenchData.write(csv, directory, indicators, periods);
			preparation.put(String.format("CSV written (%,d MB)", Files.size(csv) >> 20), seconds(started));

			progress(String.format("%,d observations: COPY into an unindexed table, twice", rows));
			double copyRowsPerSec = rows / Math.min(copySeconds(csv), copySeconds(csv));
			progress("importing them");
			started = System.nanoTime();
			ObservationImportReport report;
			try (InputStream content = Files.newInputStream(csv)) {
				report = StoredWithoutRecomputing.store(context, ImportFormat.LONG, "bench-observations.csv", content);
			}
			double importSeconds = seconds(started);
			if (report.rejected() || report.stored() != rows) {
				throw new IllegalStateException("The import stored " + report.stored() + " of " + rows + " rows: "
						+ report.errors());
			}
			var computation = context.getBean(ValueComputation.class);
			var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			progress("recomputing every value");
			started = System.nanoTime();
			transactions.executeWithoutResult(status -> computation.recomputeAll());
			double recomputeSeconds = seconds(started);

			// Every value re-mapped onto today's structure (issue 16): the practices that moved halfway through the
			// series are placed in their CCG of today in every period; computed and returned, not stored. With no
			// practice moved (one CCG, at tiny scale) the stored values are the re-mapped ones, as in production.
			progress("recomputing every value re-mapped onto today's structure");
			started = System.nanoTime();
			java.time.LocalDate structureDate = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
			var remapped = computation.remapped(
					indicators.stream().map(OutcomesBenchIndicators.BenchIndicator::id).toList(), structureDate);
			double remappedSeconds = seconds(started);
			if (directory.movesPractices() && remapped.sameAsStored()) {
				throw new IllegalStateException("The re-mapped run computed nothing");
			}

			progress("running the reference SQL");
			double referenceSeconds;
			try (Connection connection = dataSource.getConnection()) {
				referenceSeconds = new OutcomesBenchReference().run(connection, csv) / 1e9;
			}
			Files.delete(csv);
			progress("checking the reference's results equal the engine's");
			started = System.nanoTime();
			var check = new OutcomesBenchCheck(context.getBean(OutcomesValues.class), jdbc).check(indicators, periods);
			preparation.put("equality check", seconds(started));

			progress(options.clients() + " clients on the indicator page and the spine chart API for "
					+ options.loadSeconds() + " s after " + options.warmupSeconds() + " s of warm-up");
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
			var load = new OutcomesBenchLoad(port, USERNAME, password,
					indicators.stream().map(OutcomesBenchIndicators.BenchIndicator::id).toList(), periods,
					directory.ccgCodes(), structureDate)
				.run(options.clients(), Duration.ofSeconds(options.warmupSeconds()),
						Duration.ofSeconds(options.loadSeconds()));
			return new OutcomesBenchReport.Figures(rows, options.practices(), directory.ccgCodes().size(),
					directory.areaTeamCount(), directory.regionCount(), indicators.size(), options.months(),
					copyRowsPerSec, rows / importSeconds, recomputeSeconds, remappedSeconds, referenceSeconds, check, load,
					options.clients(), options.loadSeconds(), preparation);
		}

		private void signInAs(String username) {
			var user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		}

		/** PostgreSQL's own COPY of the file into a fresh unindexed table with the same five columns. */
		private double copySeconds(Path csv) throws SQLException, IOException {
			jdbc.execute("drop table if exists bench_copy");
			jdbc.execute("create table bench_copy (org_code varchar(12), indicator_id varchar(40), period varchar(7),"
					+ " numerator double precision, denominator double precision)");
			long started = System.nanoTime();
			try (Connection connection = dataSource.getConnection(); InputStream content = Files.newInputStream(csv)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_copy from stdin (format csv, header)", content);
			}
			double seconds = seconds(started);
			jdbc.execute("drop table bench_copy");
			return seconds;
		}
	}

	private static void progress(String step) {
		System.out.println(java.time.LocalTime.now().withNano(0) + " outcomes bench: " + step);
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("Could not delete " + directory + ": " + ex.getMessage());
		}
	}
}
