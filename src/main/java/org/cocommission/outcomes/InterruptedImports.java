package org.cocommission.outcomes;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.imports.OutcomesImportLog;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import a crash or a stop interrupted stays "running" in the log for ever, and its page polls for ever. At start
 * such imports are marked failed, saying why; nothing of them was stored, since an import stores all or nothing in
 * one transaction. Only while no import holds the import lock on any instance, and only imports begun before this
 * instance started, so that another instance's running import is never touched.
 */
@Component
class InterruptedImports {

	static final String REASON = "The application stopped while this file was being imported. Nothing from it was"
			+ " stored: upload the file again.";

	private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

	private final Instant startedAt = Instant.now();

	private final JdbcClient jdbc;

	private final OutcomesImportLog importLog;

	private final TransactionTemplate transactions;

	InterruptedImports(JdbcClient jdbc, OutcomesImportLog importLog, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.importLog = importLog;
		this.transactions = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		int failed = ActingAs.system(() -> failInterrupted(startedAt));
		if (failed > 0) {
			log.warn("{} outcomes import(s) interrupted by a crash or stop marked as failed", failed);
		}
	}

	/** Marks the imports begun before {@code instant} and still running as failed, unless an import is running now. */
	int failInterrupted(Instant instant) {
		return transactions.execute(status -> {
			boolean noImportRunning = jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(ObservationImports.IMPORT_LOCK)
				.query(Boolean.class)
				.single();
			return noImportRunning ? importLog.failRunningStartedBefore(instant, REASON) : 0;
		});
	}
}
