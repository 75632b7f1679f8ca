package org.cocommission.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports observations: the whole file or nothing. The body is streamed through the row checks into a staging table
 * by COPY, checked set-wise in SQL, then replaces the observations with the same keys, and every value of the
 * indicators and periods it touched is recomputed in the same transaction. National users only; one import at a time
 * across instances.
 */
@Service
public class ObservationImports {

	private static final Logger log = LoggerFactory.getLogger(ObservationImports.class);

	/** The key of the PostgreSQL advisory lock that serialises outcomes imports. */
	private static final long IMPORT_LOCK = 0x4f5554434f4d45L;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Indicators indicators;

	private final ValueComputation computation;

	private final PeerGroups peerGroups;

	private final OutcomesImportLog importLog;

	private final AccessPolicy access;

	private final AuditTrail audit;

	/** Raised after every recompute (issue 5, item 7); injected by field so that the constructor stays as it is. */
	@org.springframework.beans.factory.annotation.Autowired private OutcomesAlerts alerts;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "outcomes-import");
		thread.setDaemon(true);
		return thread;
	});

	ObservationImports(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Indicators indicators, ValueComputation computation, PeerGroups peerGroups, OutcomesImportLog importLog,
			AccessPolicy access, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.indicators = indicators;
		this.computation = computation;
		this.peerGroups = peerGroups;
		this.importLog = importLog;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * Imports a file and returns its report; throws {@link ObservationImportRejectedException} (nothing stored) when
	 * any row is invalid. {@code period} is required for the QOF prevalence file, whose rows carry no year.
	 */
	public ObservationImportReport importFile(ImportFormat format, String period, String fileName, InputStream content) {
		access.checkNational();
		checkPeriod(format, period);
		long importId = importLog.begin(format, fileName, access.requireUser().username());
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

	/**
	 * Stores a file's observations, all or nothing, without recomputing values: for the bench, which times the import
	 * and the full recompute apart. Runs as the caller; the caller recomputes.
	 */
	ObservationImportReport storeWithoutRecomputing(ImportFormat format, String period, String fileName,
			InputStream content) {
		long importId = importLog.begin(format, fileName, "bench");
		ObservationImportReport report = transactions
			.execute(status -> load(importId, format, period, fileName, content, false));
		importLog.finish(importId, report.rejected() ? "REJECTED" : "COMMITTED", report);
		return report;
	}

	private ObservationImportReport run(long importId, ImportFormat format, String period, String fileName,
			InputStream content) {
		long started = System.nanoTime();
		ObservationImportReport report;
		try {
			report = transactions.execute(status -> {
				ObservationImportReport result = load(importId, format, period, fileName, content, true);
				if (result.rejected()) {
					status.setRollbackOnly();
				}
				return result;
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

	private ObservationImportReport load(long importId, ImportFormat format, String period, String fileName,
			InputStream content, boolean recomputing) {
		jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, IMPORT_LOCK);
		long started = System.nanoTime();
		var staged = new StagedObservations(jdbc);
		staged.create();
		Map<Integer, String> fingertipsIndicators = indicators.byFingertipsId();
		Map<Integer, String> fingertipsAttributes = indicators.fingertipsAttributes();
		ObservationFileReader.Outcome read;
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (StagingCopy copy = staged.copy(connection)) {
			read = new ObservationFileReader(copy, rows -> importLog.progress(importId, rows), fingertipsIndicators,
					fingertipsAttributes)
				.read(format, content, period);
			copy.finish();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		importLog.progress(importId, read.rowsRead);
		List<String> defined = new ArrayList<>();
		for (String group : read.qofGroups) {
			if (indicators.defineQofGroup(group)) {
				defined.add("QOF-" + group);
			}
		}
		long staging = System.nanoTime();
		staged.registerPeriods(read.periods.values());
		staged.fillPopulationDenominators();
		List<ImportError> errors = new ArrayList<>(read.errors);
		errors.addAll(staged.errors(ObservationImportReport.MAX_ERRORS));
		errors.sort(Comparator.comparingLong(ImportError::row));
		if (!errors.isEmpty()) {
			return new ObservationImportReport(importId, read.rowsRead, 0, read.skipped,
					errors.subList(0, Math.min(errors.size(), ObservationImportReport.MAX_ERRORS)));
		}
		long checked = System.nanoTime();
		long stored = staged.store(importId, format.label() + (fileName == null ? "" : ": " + fileName));
		long storing = System.nanoTime();
		List<IndicatorPeriod> touched = staged.touched();
		if (recomputing) {
			computation.recompute(touched);
			alerts.raiseAfterRecompute(touched);
		}
		log.info("Outcomes import {}: read and staged in {} ms, checked in {} ms, stored in {} ms, recomputed in {} ms",
				importId, (staging - started) / 1_000_000, (checked - staging) / 1_000_000, (storing - checked) / 1_000_000,
				(System.nanoTime() - storing) / 1_000_000);
		if (staged.touchedAttributes()) {
			peerGroups.recompute();
		}
		audit.record(new AuditEntry("OUTCOMES_OBSERVATIONS_IMPORTED", "OUTCOMES_IMPORT", Long.toString(importId), null,
				null, Map.of("format", format.slug(), "fileName", String.valueOf(fileName), "rowsRead", read.rowsRead,
						"stored", stored, "indicatorPeriods", touched.size(), "indicatorsDefined", defined)));
		return new ObservationImportReport(importId, read.rowsRead, stored, read.skipped, List.of());
	}
}
