package org.cocommission.outcomes;

import java.io.InputStream;

import org.cocommission.outcomes.imports.OutcomesImportLog;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the outcomes bench, which times an import and the full recompute apart: the first step of a production import
 * ({@link ObservationImports#store}), all or nothing and logged as any import, with the values left for the bench to
 * recompute. Runs as the caller.
 */
public final class StoredWithoutRecomputing {

	private StoredWithoutRecomputing() {
	}

	public static ObservationImportReport store(ApplicationContext context, ImportFormat format, String fileName,
			InputStream content) {
		ObservationImports imports = context.getBean(ObservationImports.class);
		OutcomesImportLog importLog = context.getBean(OutcomesImportLog.class);
		long importId = importLog.begin(format, fileName, "bench");
		ObservationImportReport report = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.execute(status -> {
				ObservationImportReport stored = imports.store(importId, format, null, fileName, content).report();
				if (stored.rejected()) {
					status.setRollbackOnly();
				}
				return stored;
			});
		importLog.finish(importId, report.rejected() ? "REJECTED" : "COMMITTED", report);
		return report;
	}
}
