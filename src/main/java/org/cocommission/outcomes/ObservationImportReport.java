package org.cocommission.outcomes;

import java.util.List;

/**
 * What an import did: data rows read, observations and context values stored, rows deliberately not stored (such as
 * England and parent rows of a Fingertips export, which CoCommission computes itself), and the invalid rows.
 */
public record ObservationImportReport(long importId, long rowsRead, long stored, long skipped, List<ImportError> errors) {

	/** At most this many errors are listed; a file with more is still rejected as a whole. */
	public static final int MAX_ERRORS = 1000;

	public ObservationImportReport {
		errors = List.copyOf(errors);
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
