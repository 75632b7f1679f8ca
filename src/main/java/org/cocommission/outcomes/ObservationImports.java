package org.cocommission.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.compute.IndicatorPeriod;
import org.cocommission.outcomes.compute.ValueComputation;
import org.cocommission.outcomes.compute.ValuesRecomputed;
import org.cocommission.outcomes.imports.ImportStatus;
import org.cocommission.outcomes.imports.ObservationChecks;
import org.cocommission.outcomes.imports.ObservationFileReader;
import org.cocommission.outcomes.imports.ObservationLoad;
import org.cocommission.outcomes.imports.OutcomesImportLog;
import org.cocommission.outcomes.imports.Period;
import org.cocommission.platform.CsvCopy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports observations: the whole file or nothing. The body is streamed through the row checks and the checks against
 * the directory and indicators ({@link ObservationChecks}, in memory), held per indicator and period, and written a
 * slice at a time into outcomes_slice by binary COPY ({@link ObservationLoad}), replacing the observations with the
 * same keys; every value of the indicators and periods it touched is recomputed in the same transaction. National
 * users only; one import at a time across instances.
 */
@Service
public class ObservationImports {

	private static final Logger log = LoggerFactory.getLogger(ObservationImports.class);

	/** The PostgreSQL advisory lock that serialises outcomes imports (and recomputes after directory changes). */
	public static final long IMPORT_LOCK = 0x4f5554434f4d45L;

	// JdbcTemplate on purpose: real batches (batchUpdate) of periods and attributes, beside the COPY of the import.
	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Indicators indicators;

	private final ValueComputation computation;

	private final PeerGroups peerGroups;

	private final OutcomesImportLog importLog;

	private final AccessPolicy access;

	private final AuditTrail audit;

	/**
	 * Tells the alerts after every recompute (issue 5, item 7). They are a nested module that depends on outcomes,
	 * so outcomes publishes an event rather than calling them; synchronously, so they run in the import's transaction.
	 */
	private final ApplicationEventPublisher events;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "outcomes-import");
		thread.setDaemon(true);
		return thread;
	});

	ObservationImports(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Indicators indicators, ValueComputation computation, PeerGroups peerGroups, OutcomesImportLog importLog,
			AccessPolicy access, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.indicators = indicators;
		this.computation = computation;
		this.peerGroups = peerGroups;
		this.importLog = importLog;
		this.access = access;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Imports a file and returns its report; throws {@link ObservationImportRejectedException} (nothing stored) when
	 * any row is invalid. {@code period} is required for the QOF prevalence file, whose rows carry no year.
	 */
	public ObservationImportReport importFile(ImportFormat format, String period, String fileName, InputStream content) {
		// The system too: `load DIR` imports a folder's outcomes files after the directory's (docs/domain-rules.md#outcomes).
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
		checkPeriod(format, period);
		long importId = importLog.begin(format, fileName,
				ActingAs.isSystem() ? ActingAs.SYSTEM : access.requireUser().username());
		return run(importId, format, period, fileName, content);
	}

	/** Starts importing a spooled upload in the background and returns its id; the file is deleted afterwards. */
	public long start(ImportFormat format, String period, String fileName, Path spooled) {
		access.checkNational();
		checkPeriod(format, period);
		long importId = importLog.begin(format, fileName, access.requireUser().username());
		background.submit(new DelegatingSecurityContextRunnable(() -> {
			try (InputStream content = Files.newInputStream(spooled)) {
				run(importId, format, period, fileName, content);
			}
			catch (ObservationImportRejectedException ex) {
				// Recorded in the import log, which the upload page shows.
			}
			catch (IOException | RuntimeException ex) {
				log.error("Outcomes import {} failed", importId, ex);
				importLog.failed(importId, "The import failed: " + ex.getMessage());
			}
			finally {
				try {
					Files.deleteIfExists(spooled);
				}
				catch (IOException ex) {
					log.warn("Could not delete spooled upload {}", spooled);
				}
			}
		}));
		return importId;
	}

	public ImportStatus status(long id) {
		access.requireUser();
		return importLog.find(id).orElseThrow(() -> new NoSuchElementException("No outcomes import " + id));
	}

	public List<ImportStatus> recent(int limit) {
		access.requireUser();
		return importLog.recent(limit);
	}

	private static void checkPeriod(ImportFormat format, String period) {
		if (format == ImportFormat.QOF_PREVALENCE) {
			if (period == null || period.isBlank()) {
				throw new IllegalArgumentException("Give the QOF year of the file as period, such as 2019/20");
			}
			if (Period.parse(period).kind() != Period.Kind.YEAR) {
				throw new IllegalArgumentException("The QOF period is a financial year such as 2019/20");
			}
		}
	}

	private ObservationImportReport run(long importId, ImportFormat format, String period, String fileName,
			InputStream content) {
		long started = System.nanoTime();
		ObservationImportReport report;
		try {
			report = transactions.execute(status -> {
				Stored stored = store(importId, format, period, fileName, content);
				if (stored.report().rejected()) {
					status.setRollbackOnly();
					return stored.report();
				}
				long recomputing = System.nanoTime();
				computation.recompute(stored.touched());
				events.publishEvent(new ValuesRecomputed(stored.touched()));
				log.info("Outcomes import {}: recomputed in {} ms", importId, (System.nanoTime() - recomputing) / 1_000_000);
				if (stored.attributesChanged()) {
					peerGroups.recompute();
				}
				audit.record(new AuditEntry("OUTCOMES_OBSERVATIONS_IMPORTED", "OUTCOMES_IMPORT", Long.toString(importId),
						null, null, new Imported(format.slug(), String.valueOf(fileName), stored.report().rowsRead(),
								stored.report().stored(), stored.touched().size(), stored.indicatorsDefined(),
								stored.report().warnings().size())));
				return stored.report();
			});
		}
		catch (RuntimeException ex) {
			importLog.failed(importId, "The import failed: " + ex.getMessage());
			throw ex;
		}
		importLog.finish(importId, report.rejected() ? "REJECTED" : "COMMITTED", report);
		log.info("Outcomes import {} ({}): {} rows, {} stored, {} error(s) in {} ms", importId, format.slug(),
				report.rowsRead(), report.stored(), report.errors().size(), (System.nanoTime() - started) / 1_000_000);
		if (report.rejected()) {
			throw new ObservationImportRejectedException(report);
		}
		return report;
	}

	/**
	 * The audit trail's record of an import: the file's format and name, its rows read and values stored, the
	 * indicators and periods recomputed, the QOF indicators it defined and its warnings.
	 */
	record Imported(String format, String fileName, long rowsRead, long stored, int indicatorPeriods,
			List<String> indicatorsDefined, int warnings) {
	}

	/**
	 * What a file stored: its report (rejected, with nothing stored, when any row is invalid), the indicators and
	 * periods whose values are now to be recomputed, the QOF indicators it defined, and whether it changed the
	 * attributes peer groups are made from.
	 */
	record Stored(ObservationImportReport report, List<IndicatorPeriod> touched, List<String> indicatorsDefined,
			boolean attributesChanged) {
	}

	/**
	 * The first step of an import, in the caller's transaction: reads, checks and stores the file's observations,
	 * bands and attributes, holding the import lock; {@link #run} then recomputes what it touched.
	 */
	Stored store(long importId, ImportFormat format, String period, String fileName, InputStream content) {
		jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, IMPORT_LOCK);
		long started = System.nanoTime();
		Map<String, Indicator> definitions = new HashMap<>();
		indicators.all().forEach(indicator -> definitions.put(indicator.id(), indicator));
		ObservationChecks checks = new ObservationChecks(dataSource, definitions);
		Map<Integer, String> fingertipsIndicators = indicators.byFingertipsId();
		Map<Integer, String> fingertipsAttributes = indicators.fingertipsAttributes();
		List<ImportError> errors = new ArrayList<>();
		List<ImportError> warnings = new ArrayList<>();
		List<Attribute> attributes = new ArrayList<>();
		Map<String, BandTotal> bandTotals = new java.util.LinkedHashMap<>();
		Map<String, Long> bandRows = new HashMap<>();
		List<Band> bands = new ArrayList<>();
		java.util.Set<String> standardised = format == ImportFormat.AGE_BANDS ? java.util.Set.copyOf(jdbc.queryForList(
				"select id from outcomes_indicator where type = 'DSR'", String.class)) : java.util.Set.of();
		ObservationFileReader.Outcome read;
		long stored;
		List<IndicatorPeriod> touched;
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			ObservationLoad store = new ObservationLoad(jdbc, connection, importId, checks.orgs());
			ObservationFileReader.Sink sink = new ObservationFileReader.Sink() {

				@Override
				public void observation(long row, String org, String indicator, Period rowPeriod, double numerator,
						Double denominator) {
					if (format == ImportFormat.QOF_PREVALENCE && !checks.knowsIndicator(indicator)) {
						checks.willDefine(qofIndicator(indicator));
					}
					List<String> problems = checks.observation(row, org, indicator, rowPeriod, numerator, denominator);
					if (!problems.isEmpty()) {
						problems.forEach(message -> error(row, message));
					}
					else if (errors.isEmpty()) {
						if (checks.warning() != null && warnings.size() < ObservationImportReport.MAX_ERRORS) {
							warnings.add(new ImportError(row, checks.warning()));
						}
						store.observation(checks.slice(), checks.org(), indicator, rowPeriod.code(), numerator,
								checks.denominator());
					}
				}

				@Override
				public void attribute(long row, String org, String attribute, double value) {
					List<String> problems = checks.attribute(row, org, attribute);
					problems.forEach(message -> error(row, message));
					if (problems.isEmpty()) {
						attributes.add(new Attribute(org, attribute, value));
					}
				}

				@Override
				public void band(long row, String org, String indicator, Period rowPeriod, String ageBand, String sex,
						double numerator, double population) {
					String key = org + " " + indicator + " " + rowPeriod.code();
					Long first = bandRows.putIfAbsent(key + " " + ageBand + " " + sex, row);
					if (first != null) {
						error(row, "duplicate of row " + first + ": " + key + " " + ageBand + " " + sex);
						return;
					}
					if (!standardised.contains(indicator) && checks.knowsIndicator(indicator)) {
						error(row, "indicator " + indicator + " is not a directly standardised rate: its file has no"
								+ " age bands");
						return;
					}
					BandTotal total = bandTotals.computeIfAbsent(key, k -> new BandTotal(row, org, indicator, rowPeriod));
					total.numerator += numerator;
					total.population += population;
					bands.add(new Band(org, indicator, rowPeriod.code(), ageBand, sex, numerator, population));
				}

				private void error(long row, String message) {
					if (errors.size() < ObservationImportReport.MAX_ERRORS) {
						errors.add(new ImportError(row, message));
					}
				}
			};
			read = new ObservationFileReader(sink, rows -> importLog.progress(importId, rows), fingertipsIndicators,
					fingertipsAttributes)
				.read(format, content, period);
			// An age-band file's observations are its totals, checked and stored as any other observation.
			for (BandTotal total : bandTotals.values()) {
				sink.observation(total.row, total.org, total.indicator, total.period, total.numerator, total.population);
			}
			importLog.progress(importId, read.rowsRead);
			errors.addAll(read.errors);
			if (read.rowsRead == 0 && errors.isEmpty()) {
				// One rule for every importer (docs/domain-rules.md#input-every-request-follows): no rows, no import.
				errors.add(new ImportError(1, "the file has a header but no rows under it"));
			}
			if (!errors.isEmpty()) {
				errors.sort(Comparator.comparingLong(ImportError::row));
				return new Stored(new ObservationImportReport(importId, read.rowsRead, 0, read.skipped,
						errors.subList(0, Math.min(errors.size(), ObservationImportReport.MAX_ERRORS))), List.of(),
						List.of(), false);
			}
			stored = store.finish();
			touched = store.touched();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the observations", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		List<String> defined = new ArrayList<>();
		for (String group : read.qofGroups) {
			if (indicators.defineQofGroup(group)) {
				defined.add("QOF-" + group);
			}
		}
		registerPeriods(read.periods.values());
		storeBands(bands, importId);
		stored += storeAttributes(attributes, format.label() + (fileName == null ? "" : ": " + fileName), importId);
		log.info("Outcomes import {}: read, checked and stored in {} ms", importId,
				(System.nanoTime() - started) / 1_000_000);
		return new Stored(new ObservationImportReport(importId, read.rowsRead, stored, read.skipped, List.of(), warnings),
				touched, defined, !attributes.isEmpty());
	}

	/** One organisation's observation of a standardised rate, summed over its bands, from its first band's row. */
	private static final class BandTotal {

		final long row;

		final String org;

		final String indicator;

		final Period period;

		double numerator;

		double population;

		BandTotal(long row, String org, String indicator, Period period) {
			this.row = row;
			this.org = org;
			this.indicator = indicator;
			this.period = period;
		}
	}

	/** One age band and sex of an observation of a standardised rate. */
	private record Band(String org, String indicator, String period, String ageBand, String sex, double numerator,
			double population) {
	}

	/** Replaces the bands of the observations the file gives (every band of each), as observations are replaced. */
	private void storeBands(List<Band> bands, long importId) {
		if (bands.isEmpty()) {
			return;
		}
		List<Band> keys = bands.stream()
			.collect(java.util.stream.Collectors.toMap(b -> b.org() + " " + b.indicator() + " " + b.period(), b -> b,
					(a, b) -> a, java.util.LinkedHashMap::new))
			.values()
			.stream()
			.toList();
		jdbc.update("delete from outcomes_band_observation b using unnest(?::varchar[], ?::varchar[], ?::varchar[])"
				+ " k (org_code, indicator_id, period) where b.org_code = k.org_code and b.indicator_id = k.indicator_id"
				+ " and b.period = k.period", keys.stream().map(Band::org).toArray(String[]::new),
				keys.stream().map(Band::indicator).toArray(String[]::new),
				keys.stream().map(Band::period).toArray(String[]::new));
		// COPY, not a batch: a batch is a statement per row, each firing the read generation's statement trigger.
		StringBuilder csv = new StringBuilder(bands.size() * 48);
		for (Band band : bands) {
			csv.append(CsvCopy.field(band.indicator())).append(',').append(CsvCopy.field(band.period())).append(',')
				.append(CsvCopy.field(band.org())).append(',').append(CsvCopy.field(band.ageBand())).append(',')
				.append(CsvCopy.field(band.sex())).append(',').append(band.numerator()).append(',')
				.append(band.population()).append(',').append(importId).append('\n');
		}
		CsvCopy.copy(dataSource, "copy outcomes_band_observation (indicator_id, period, org_code, age_band, sex,"
				+ " numerator, population, import_id) from stdin (format csv)", csv, "Could not store the age bands");
	}

	/** A context attribute of an organisation, such as its deprivation score. */
	private record Attribute(String org, String attribute, double value) {
	}

	/** The prevalence indicator {@link Indicators#defineQofGroup} will define, for checking rows before it is. */
	private static Indicator qofIndicator(String id) {
		return new Indicator(id, id, OutcomesDomain.of(2), OutcomesLevel.PRACTICE, IndicatorType.PROPORTION, 100,
				Polarity.NO_JUDGEMENT, "register", "list", false, "QOF", StatisticalMethod.WILSON, null);
	}

	private void registerPeriods(java.util.Collection<Period> periods) {
		jdbc.batchUpdate("insert into outcomes_period (period, kind, starts, ends, list_date) values (?, ?, ?, ?, ?)"
				+ " on conflict (period) do nothing", List.copyOf(periods), 100, (statement, period) -> {
					statement.setString(1, period.code());
					statement.setString(2, period.kind().name());
					statement.setObject(3, period.starts());
					statement.setObject(4, period.ends());
					statement.setObject(5, period.listDate());
				});
	}

	/** Replaces the context attributes with the same keys; returns how many were stored. */
	private long storeAttributes(List<Attribute> attributes, String source, long importId) {
		if (attributes.isEmpty()) {
			return 0;
		}
		jdbc.batchUpdate("""
				insert into outcomes_org_attribute (org_code, attribute, value, source, import_id) values (?, ?, ?, ?, ?)
				on conflict (org_code, attribute) do update
				set value = excluded.value, source = excluded.source, import_id = excluded.import_id
				""", attributes, 1000, (statement, attribute) -> {
			statement.setString(1, attribute.org());
			statement.setString(2, attribute.attribute());
			statement.setDouble(3, attribute.value());
			statement.setString(4, source);
			statement.setLong(5, importId);
		});
		jdbc.execute("analyze outcomes_org_attribute");
		return attributes.size();
	}
}
