package org.cocommission.contracts;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.contracts.payments.PaymentsFile;
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

/**
 * NHS Digital's "NHS Payments to General Practice": a year's file imported all or nothing (a re-import replaces the
 * year), each practice's contract type taken into the register, and the payments read back at each level. The
 * payments are published statistics: any signed-in user may read them; only NHS England imports.
 */
@Service
public class Payments {

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
		access.checkNational();
		String actor = access.actor();
		if (year.compareTo(FIRST_YEAR) < 0) {
			throw new InvalidInputException("year", "NHS Payments to General Practice starts with " + FIRST_YEAR);
		}
		PaymentsFile.Parsed parsed = PaymentsFile.parse(new InputStreamReader(content, StandardCharsets.UTF_8));
		if (!parsed.errors().isEmpty()) {
			PaymentsImportReport report = new PaymentsImportReport(parsed.rowsRead(), 0, List.of(), parsed.errors());
			transactions.executeWithoutResult(status -> store.logImport(year, fileName, actor, parsed.rowsRead(), 0,
					List.of(), parsed.errors()));
			throw new PaymentsImportRejectedException(report);
		}
		return transactions.execute(status -> {
			store.lock();
			List<ImportMessage> warnings = warnings(parsed.rows());
			long importId = store.logImport(year, fileName, actor, parsed.rowsRead(), parsed.rows().size(), warnings,
					List.of());
			store.replaceYear(year, importId, parsed.rows());
			register.adoptFromPayments(year, actor);
			events.publishEvent(new PaymentsImported(importId, year.toString(), fileName, parsed.rows().size(),
					warnings.size()));
			return new PaymentsImportReport(parsed.rowsRead(), parsed.rows().size(), warnings, List.of());
		});
	}

	/** The publisher's quirks worth telling: practices the directory does not know. */
	private List<ImportMessage> warnings(List<PaymentsFile.PracticeYear> rows) {
		Map<String, OrganisationRef> known = directory.refs(rows.stream().map(PaymentsFile.PracticeYear::practiceCode)
			.toList());
		List<ImportMessage> warnings = new ArrayList<>();
		for (PaymentsFile.PracticeYear row : rows) {
			if (!known.containsKey(row.practiceCode())) {
				warnings.add(new ImportMessage(row.row(), "Practice " + row.practiceCode()
						+ (row.practiceName() == null ? "" : " (" + row.practiceName() + ")")
						+ " is not in the directory; its payments are stored"));
			}
		}
		return warnings;
	}

	/**
	 * The benchmarks' reads, kept in memory per generation of the stored payments (the last import's id, read from the
	 * database on each call, so an import on any instance is seen at once): a year's figures change only by an import.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile long cachedGeneration = -1;

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, java.util.function.Supplier<T> read) {
		long generation = reads.execute(status -> store.generation());
		if (generation != cachedGeneration) {
			cache.clear();
			cachedGeneration = generation;
		}
		return (T) cache.computeIfAbsent(generation + "|" + key, ignored -> reads.execute(status -> read.get()));
	}

	public List<FinancialYear> years() {
		return cached("years", store::years);
	}

	public PaymentsSummary summary(FinancialYear year) {
		return cached("summary|" + year, () -> store.summary(year));
	}

	/** Payments at a level; {@code byType} splits each organisation's totals by contract type. */
	public List<PaymentRow> rows(FinancialYear year, PaymentLevel level, boolean byType) {
		return cached("rows|" + year + "|" + level + "|" + byType, () -> store.rows(year, level, byType, null));
	}

	/** Payments at a level within one organisation (a CCG, area team or region code, or a practice). */
	public List<PaymentRow> rowsWithin(FinancialYear year, PaymentLevel level, String orgCode) {
		return reads.execute(status -> store.rows(year, level, false, orgCode));
	}

	/** Every practice's total per weighted patient in the year, for distributions. */
	public List<PaymentsStore.PracticeRate> practiceRates(FinancialYear year) {
		return cached("rates|" + year, () -> store.practiceRates(year));
	}

	public List<PaymentsStore.PracticeYearRow> practiceYears(String practiceCode) {
		access.checkCanSee(practiceCode);
		return reads.execute(status -> store.practiceYears(practiceCode));
	}

	public Map<String, BigDecimal> lines(FinancialYear year, String practiceCode) {
		access.checkCanSee(practiceCode);
		return reads.execute(status -> store.lines(year, practiceCode));
	}

	public List<PaymentsImport> recentImports(int limit) {
		return reads.execute(status -> store.recentImports(limit));
	}

	/** Contract types the year's file shows, GMS, PMS, APMS first. */
	public Set<String> types(FinancialYear year) {
		return summary(year).byType().keySet();
	}
}
