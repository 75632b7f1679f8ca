package org.cocommission.directory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.imports.RegisteredPatientsImporter.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.imports.IcbLookupImporter;
import org.cocommission.directory.imports.ImportLog;
import org.cocommission.directory.imports.MembershipHistoryImporter;
import org.cocommission.directory.imports.OdsOrganisationImporter;
import org.cocommission.directory.imports.RegisteredPatientsImporter;
import org.cocommission.directory.imports.SuccessionImporter;
import org.cocommission.notification.Notifications;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the files the NHS publishes into the directory. Each import validates every row and either stores the whole
 * file or nothing ({@link ImportRejectedException} carries the row-numbered report); re-importing a file changes
 * nothing. Imports run one at a time across all instances, and every attempt is logged.
 */
@Service
public class DirectoryImports {

	private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);

	/** Import kind of ODS's practice membership history, {@code epcmem.csv}. */
	public static final String MEMBERSHIPS = "epcmem";

	/** Import kind of ODS's successor file, {@code succ.csv}. */
	public static final String SUCCESSIONS = "succ";

	/** Import kind of the CCG-to-ICB lookup. */
	public static final String ICB_LOOKUP = "ccg-icb";

	/** Every import kind, in the order a new directory is best loaded (any order works: see the load command). */
	public static final List<String> KINDS = List.of(OdsFile.REGIONS.slug(), OdsFile.AREA_TEAMS.slug(),
			OdsFile.ECSU.slug(), ICB_LOOKUP, OdsFile.ECCG.slug(), OdsFile.EPRACCUR.slug(), MEMBERSHIPS, SUCCESSIONS,
			DirectoryChanged.REGISTERED_PATIENTS);

	/** The key of the PostgreSQL advisory lock that serialises imports across instances. */
	private static final long IMPORT_LOCK = 0x44495245_43544f52L;

	private final OdsOrganisationImporter odsImporter;

	private final RegisteredPatientsImporter patientsImporter;

	private final MembershipHistoryImporter membershipImporter;

	private final SuccessionImporter successionImporter;

	private final IcbLookupImporter icbImporter;

	private final ImportLog importLog;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Notifications notifications;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final DirectoryGeneration generation;

	DirectoryImports(OdsOrganisationImporter odsImporter, RegisteredPatientsImporter patientsImporter,
			MembershipHistoryImporter membershipImporter, SuccessionImporter successionImporter,
			IcbLookupImporter icbImporter, ImportLog importLog, PlatformTransactionManager transactionManager,
			JdbcClient jdbc, AuditTrail audit, Notifications notifications, Clock clock,
			ApplicationEventPublisher events, DirectoryGeneration generation) {
		this.generation = generation;
		this.odsImporter = odsImporter;
		this.patientsImporter = patientsImporter;
		this.membershipImporter = membershipImporter;
		this.successionImporter = successionImporter;
		this.icbImporter = icbImporter;
		this.importLog = importLog;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
		this.events = events;
	}

	/** An ODS organisation file (headerless, 27 columns) such as {@code epraccur.csv} or {@code eccg.csv}. */
	public ImportReport importOds(OdsFile file, String fileName, InputStream content) {
		return run(file.slug(), fileName, content,
				(stream, importId) -> new Stored(odsImporter.run(file, stream, importId), List.of()));
	}

	/** NHS Digital's "Patients registered at a GP practice" CSV, in its totals, 5-year band or single-year form. */
	public ImportReport importRegisteredPatients(String fileName, InputStream content) {
		return run(DirectoryChanged.REGISTERED_PATIENTS, fileName, content, patientsImporter::run);
	}

	/** ODS's {@code epcmem.csv}: every practice's commissioners over time (practice, commissioner, W, start, end, flag). */
	public ImportReport importMemberships(String fileName, InputStream content) {
		return run(MEMBERSHIPS, fileName, content,
				(stream, importId) -> new Stored(membershipImporter.run(stream, importId), List.of()));
	}

	/** ODS's {@code succ.csv}: which code succeeded which, from when (old code, new code, reason, date, indicator). */
	public ImportReport importSuccessions(String fileName, InputStream content) {
		return run(SUCCESSIONS, fileName, content,
				(stream, importId) -> new Stored(successionImporter.run(stream, importId), List.of()));
	}

	/** A CCG-to-ICB lookup ({@code CCG Code,ICB Code,ICB NAME}): the ICBs, and their sub-ICB locations from 1 July 2022. */
	public ImportReport importIcbLookup(String fileName, InputStream content) {
		return run(ICB_LOOKUP, fileName, content,
				(stream, importId) -> new Stored(icbImporter.run(stream, importId), List.of()));
	}

	/**
	 * Any file the directory reads, by its import kind: an {@link OdsFile} slug, {@code registered-patients},
	 * {@code epcmem}, {@code succ} or {@code ccg-icb} ({@link #KINDS}).
	 *
	 * @throws java.util.NoSuchElementException for a kind the directory does not import
	 */
	public ImportReport importFile(String kind, String fileName, InputStream content) {
		return switch (kind) {
			case DirectoryChanged.REGISTERED_PATIENTS -> importRegisteredPatients(fileName, content);
			case MEMBERSHIPS -> importMemberships(fileName, content);
			case SUCCESSIONS -> importSuccessions(fileName, content);
			case ICB_LOOKUP -> importIcbLookup(fileName, content);
			default -> {
				if (!KINDS.contains(kind)) {
					throw new java.util.NoSuchElementException("No directory import called " + kind + "; use one of "
							+ String.join(", ", KINDS));
				}
				yield importOds(OdsFile.fromSlug(kind), fileName, content);
			}
		};
	}

	/** Marks every organisation as generated demo data, so that pages label the directory as synthetic. */
	public void markSynthetic() {
		transactions.executeWithoutResult(status -> {
			int marked = jdbc.sql("update directory_organisation set synthetic = true where not synthetic").update();
			audit.record(new AuditEntry("DIRECTORY_MARKED_SYNTHETIC", "DIRECTORY", "directory", null, null,
					Map.of("organisations", marked)));
		});
		// Publishes no DirectoryChanged (nothing to recompute elsewhere), but every page now says "synthetic".
		generation.moveOn();
	}

	/**
	 * Fresh planner statistics for what an import changed, before the listeners of {@link DirectoryChanged} read it in
	 * the same transaction: autovacuum analyses only after commit, and lags behind imports made one after another. On
	 * stale estimates the peer groups' join of memberships to lists ran as nested loops, in seconds instead of
	 * milliseconds. Cheap: the structure tables hold thousands of rows, and ANALYZE reads a sample of the lists.
	 */
	private void analyseChangedTables(String kind) {
		jdbc.sql(DirectoryChanged.REGISTERED_PATIENTS.equals(kind)
				? "analyze directory_organisation, directory_relationship, directory_registered_patients"
				: "analyze directory_organisation, directory_relationship").update();
	}

	public List<ImportRecord> recentImports(int limit) {
		return importLog.recent(limit);
	}

	private ImportReport run(String kind, String fileName, InputStream content, Importer importer) {
		Instant started = clock.instant();
		String user = currentUser();
		Path spooled = spool(content);
		try {
			String sha256 = sha256(spooled);
			ImportReport report = transactions.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query().listOfRows();
				long importId = importLog.begin(kind, fileName, sha256, user, started);
				Stored stored = importer.run(open(spooled), importId);
				ImportReport result = stored.report();
				if (result.rejected()) {
					status.setRollbackOnly();
				}
				else {
					importLog.finish(importId, result, clock.instant());
					tellImporter(user, kind, fileName, result);
					if (result.created() + result.updated() > 0) {
						analyseChangedTables(kind);
						events.publishEvent(new DirectoryChanged(kind, result.created(), result.updated(),
								result.unchanged(), stored.changedExtracts()));
					}
				}
				return result;
			});
			if (report.rejected()) {
				transactions.executeWithoutResult(status -> importLog.finish(
						importLog.begin(kind, fileName, sha256, user, started), report, clock.instant()));
				log.info("Rejected {} import {}: {} invalid row(s)", kind, fileName, report.errors().size());
				throw new ImportRejectedException(report);
			}
			log.info("Imported {} {}: {} rows, {} created, {} updated, {} unchanged in {} ms", kind, fileName,
					report.rowsRead(), report.created(), report.updated(), report.unchanged(),
					java.time.Duration.between(started, clock.instant()).toMillis());
			return report;
		}
		finally {
			deleteQuietly(spooled);
		}
	}

	private void tellImporter(String user, String kind, String fileName, ImportReport report) {
		if (AuditTrail.SYSTEM.equals(user)) {
			return;
		}
		notifications.notice(user, "Directory import finished: " + kind,
				(fileName == null ? "The file" : fileName) + ": " + report.rowsRead() + " rows read, " + report.created()
						+ " created, " + report.updated() + " updated, " + report.unchanged() + " unchanged, "
						+ report.warnings().size() + " warning(s).",
				"/directory/imports");
	}

	/** Spools the upload to disk: it is read twice (checksum, then import) without holding it all in memory. */
	private static Path spool(InputStream content) {
		try {
			Path file = Files.createTempFile("cocommission-import", ".csv");
			try (content) {
				Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	private static InputStream open(Path file) {
		try {
			return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(Path file) {
		try (var digesting = new DigestInputStream(open(file), MessageDigest.getInstance("SHA-256"))) {
			digesting.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete spooled import {}", file);
		}
	}

	private static String currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken ? AuditTrail.SYSTEM
				: authentication.getName();
	}

	@FunctionalInterface
	private interface Importer {

		Stored run(InputStream content, long importId);
	}
}
