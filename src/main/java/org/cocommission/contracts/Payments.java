package org.cocommission.contracts;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.cocommission.contracts.payments.Benchmarks;
import org.cocommission.contracts.payments.PaymentsFile;
import org.cocommission.contracts.payments.PaymentsRows;
import org.cocommission.contracts.payments.PaymentsStore;
import org.cocommission.contracts.register.RegisterStore;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * NHS Digital's "NHS Payments to General Practice": a year's file imported all or nothing (a re-import replaces the
 * year), each practice's contract type then taken into the register ({@link #feedRegister}, after the import's
 * commit), and the payments read back at each level. The
 * payments are published statistics: any signed-in user may read them; only NHS England imports.
 */
@Service
public class Payments {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Payments.class);


	/** The first year NHS Digital published the practice-level file. */
	public static final FinancialYear FIRST_YEAR = new FinancialYear(2014);

	private final PaymentsStore store;

	private final RegisterStore register;

	private final Directory directory;

	private final ContractsAccess access;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	Payments(PaymentsStore store, RegisterStore register, Directory directory, ContractsAccess access,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.register = register;
		this.directory = directory;
		this.access = access;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	/**
	 * Imports one year's file as published. Every row is checked first; with any error nothing is stored but the log
	 * entry, and {@link PaymentsImportRejectedException} carries the report. Practices the directory does not know are
	 * stored with a warning naming them.
	 */
	public PaymentsImportReport importFile(FinancialYear year, String fileName, InputStream content) {
		access.checkNhsEngland();
		String actor = access.actor();
		if (year.compareTo(FIRST_YEAR) < 0) {
			throw new InvalidInputException("year", "NHS Payments to General Practice starts with " + FIRST_YEAR);
		}
		InputStream body = new BufferedInputStream(content, 1 << 16);
		PaymentsFile.Layout layout = PaymentsFile.heading(headingLine(body));
		if (!layout.missing().isEmpty()) {
			List<ImportMessage> errors = List.of(new ImportMessage(1, layout.width() == 0 ? "The file is empty"
					: "This is not an NHS Payments to General Practice file: no column "
							+ String.join(", ", layout.missing())));
			return rejected(year, fileName, actor, 0, errors);
		}
		PaymentsStore.Loaded[] refused = new PaymentsStore.Loaded[1];
		long started = System.nanoTime();
		long[] done = new long[1];
		PaymentsImportReport report = transactions.execute(status -> {
			store.lock();
			long importId = store.logImport(year, fileName, actor, 0, 0, List.of(), List.of());
			log.debug("Payments {}: locked and logged {} ms", year, (System.nanoTime() - started) / 1_000_000);
			// the directory is asked while the rows are stored and the year published: the warnings need nothing
			// stored, only the practices, which the load hands over as soon as it has them
			AtomicReference<CompletableFuture<List<ImportMessage>>> lookUp = new AtomicReference<>();
			PaymentsStore.Loaded loaded = store.load(year, importId, layout, body, status,
					practices -> lookUp.set(CompletableFuture.supplyAsync(() -> warnings(practices))));
			if (!loaded.errors().isEmpty()) {
				status.setRollbackOnly();
				refused[0] = loaded;
				return null;
			}
			long loadedAt = System.nanoTime();
			CompletableFuture<List<ImportMessage>> warned = lookUp.get();
			int rows = loaded.practices().size();
			store.publish(year, importId, layout, rows, loaded.rows());
			long published = System.nanoTime();
			List<ImportMessage> warnings = new ArrayList<>(loaded.warnings());
			warnings.addAll(warned.join());
			warnings.sort(java.util.Comparator.comparingInt(ImportMessage::row));
			long warnedAt = System.nanoTime();
			store.completeImport(importId, loaded.rowsRead(), rows, warnings.size());
			events.publishEvent(new PaymentsImported(importId, year.toString(), fileName, rows, warnings.size()));
			log.debug("Payments {}: read, locked and loaded {} ms, published {} ms, warnings waited for {} ms,"
					+ " logged and audited {} ms", year, (loadedAt - started) / 1_000_000,
					(published - loadedAt) / 1_000_000, (warnedAt - published) / 1_000_000,
					(System.nanoTime() - warnedAt) / 1_000_000);
			done[0] = System.nanoTime();
			return new PaymentsImportReport(loaded.rowsRead(), rows, warnings, List.of());
		});
		forgetGeneration();
		if (report != null) {
			// the commit, and the register's feed handed to its thread
			log.debug("Payments {}: committed {} ms", year, (System.nanoTime() - done[0]) / 1_000_000);
		}
		if (report == null) {
			return rejected(year, fileName, actor, refused[0].rowsRead(), refused[0].errors());
		}
		return report;
	}

	/**
	 * Takes every year stored since the register was last fed into the register ({@link RegisterStore#adoptFromPayments}),
	 * in the order the files were imported, and returns once it is done. Run after each import's commit
	 * ({@code PaymentsFeedRegister}), so that an import does not wait for it, and at start for any import the
	 * application stopped before taking in; any caller that needs the register as of the last import calls it too.
	 * Then the tables no year reads any more are dropped and every year's is indexed ({@link PaymentsStore#tidyTables}).
	 */
	public void feedRegister() {
		transactions.executeWithoutResult(status -> {
			store.lockRegister();
			for (PaymentsStore.Unfed unfed : store.unfedImports()) {
				long started = System.nanoTime();
				register.adoptFromPayments(new FinancialYear(unfed.yearStart()), unfed.importedBy());
				store.registerFed(unfed.id());
				log.debug("Payments {}: register fed in {} ms", new FinancialYear(unfed.yearStart()),
						(System.nanoTime() - started) / 1_000_000);
			}
		});
		long started = System.nanoTime();
		try {
			transactions.executeWithoutResult(status -> store.tidyTables());
		}
		catch (org.springframework.dao.DataAccessException ex) {
			// nothing is read wrong without it: the next feed tries again
			log.warn("The payments tables could not be tidied: {}", ex.getMessage());
		}
		log.debug("Payments: tables tidied in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private PaymentsImportReport rejected(FinancialYear year, String fileName, String actor, int rowsRead,
			List<ImportMessage> errors) {
		transactions.executeWithoutResult(status -> store.logImport(year, fileName, actor, rowsRead, 0, List.of(),
				errors));
		throw new PaymentsImportRejectedException(new PaymentsImportReport(rowsRead, 0, List.of(), errors));
	}

	/** The file's first line, as UTF-8 (its byte order mark is dropped with the headings' spaces). */
	private static String headingLine(InputStream in) {
		ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
		try {
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				line.write(b);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	/** The publisher's quirks worth telling: practices the directory does not know. */
	private List<ImportMessage> warnings(List<PaymentsRows.Practice> practices) {
		Map<String, OrganisationRef> known = directory.refs(practices.stream().map(PaymentsRows.Practice::code).toList());
		List<ImportMessage> warnings = new ArrayList<>();
		for (PaymentsRows.Practice practice : practices) {
			if (!known.containsKey(practice.code())) {
				warnings.add(new ImportMessage(practice.row(), "Practice " + practice.code()
						+ (practice.name() == null ? "" : " (" + practice.name() + ")")
						+ " is not in the directory; its payments are stored"));
			}
		}
		return warnings;
	}

	/**
	 * The benchmarks' reads, kept in memory per generation of the stored payments (the last import's id, read from the
	 * database once per request, or on each call outside one, so an import on any instance is seen by the next
	 * request): a year's figures change only by an import.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile long cachedGeneration = -1;

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, java.util.function.Supplier<T> read) {
		long generation = generation();
		if (generation != cachedGeneration) {
			cache.clear();
			cachedGeneration = generation;
		}
		String kept = generation + "|" + key;
		Object value = cache.get(kept);
		if (value == null) {
			// read outside the map's lock: a value derived from other cached reads reads the map again, which
			// computeIfAbsent forbids; two callers may both read it the first time, and the first one kept wins
			value = reads.execute(status -> read.get());
			Object before = cache.putIfAbsent(kept, value);
			value = before == null ? value : before;
		}
		return (T) value;
	}

	/** The request attribute that holds the generation the request has read. */
	private static final String GENERATION = Payments.class.getName() + ".generation";

	/**
	 * The generation of the stored payments, read once per request: a page's several kept reads (its years, figures and
	 * rows) each asked the database for it in a transaction of their own; within a request they now agree on it, too.
	 */
	private long generation() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(GENERATION, RequestAttributes.SCOPE_REQUEST) instanceof Long known) {
			return known;
		}
		long generation = reads.execute(status -> store.generation());
		if (request != null) {
			request.setAttribute(GENERATION, generation, RequestAttributes.SCOPE_REQUEST);
		}
		return generation;
	}

	/** After an import's commit the request that made it reads the new generation. */
	private static void forgetGeneration() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(GENERATION, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * A value worked out only from the stored payments (a page's figures, formatted), kept beside the reads until the
	 * next import; {@code key} names it among the page's values.
	 */
	public <T> T derived(String key, java.util.function.Supplier<T> derive) {
		return cached("derived|" + key, derive);
	}

	public List<FinancialYear> years() {
		return cached("years", store::years);
	}

	public PaymentsSummary summary(FinancialYear year) {
		return cached("summary|" + year, () -> store.summary(year));
	}

	/** Payments at a level; {@code byType} splits each organisation's totals by contract type. */
	public List<PaymentRow> rows(FinancialYear year, PaymentLevel level, boolean byType) {
		return cached("rows|" + year + "|" + level + "|" + byType, () -> store.rows(year, level, byType));
	}

	/** Every practice's total per weighted patient in the year, for distributions. */
	public List<PaymentsStore.PracticeRate> practiceRates(FinancialYear year) {
		return cached("rates|" + year, () -> store.practiceRates(year));
	}

	/** The 1st to 9th deciles of practices' payments per weighted patient in the year, by contract type. */
	public Map<String, List<BigDecimal>> deciles(FinancialYear year) {
		return cached("deciles|" + year,
				() -> java.util.Collections.unmodifiableMap(Benchmarks.decilesByType(practiceRates(year))));
	}

	/** A practice's rows across the years; kept per practice until the next import, once the viewer may see it. */
	public List<PaymentsStore.PracticeYearRow> practiceYears(String practiceCode) {
		access.checkCanSee(practiceCode);
		return cached("practice|" + practiceCode, () -> store.practiceYears(practiceCode));
	}

	public Map<String, BigDecimal> lines(FinancialYear year, String practiceCode) {
		access.checkCanSee(practiceCode);
		return reads.execute(status -> store.lines(year, practiceCode));
	}

	/** Whether the viewer may load payments files: NHS England, national users and area teams. */
	public boolean canImport() {
		try {
			access.checkNhsEngland();
			return true;
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			return false;
		}
	}

	public List<PaymentsImport> recentImports(int limit) {
		access.checkNhsEngland();
		return reads.execute(status -> store.recentImports(limit));
	}

	/** Contract types the year's file shows, GMS, PMS, APMS first. */
	public Set<String> types(FinancialYear year) {
		return summary(year).byType().keySet();
	}
}
