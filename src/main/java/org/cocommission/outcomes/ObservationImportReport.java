package org.cocommission.outcomes;

import java.util.List;

/**
 * What an import did: data rows read, observations and context values stored, rows deliberately not stored (such as
 * England and parent rows of a Fingertips export, which CoCommission computes itself), the invalid rows (errors: the
 * file is rejected) and the rows stored that are odd but meant (warnings, such as a QOF register above the list).
 */
public record ObservationImportReport(long importId, long rowsRead, long stored, long skipped, List<ImportError> errors,
		List<ImportError> warnings) {

	/** At most this many errors (and warnings) are listed; a file with more is still rejected as a whole. */
	public static final int MAX_ERRORS = 1000;

	public ObservationImportReport {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	public ObservationImportReport(long importId, long rowsRead, long stored, long skipped, List<ImportError> errors) {
		this(importId, rowsRead, stored, skipped, errors, List.of());
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
