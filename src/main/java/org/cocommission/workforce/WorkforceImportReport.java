package org.cocommission.workforce;

import java.util.List;

/**
 * What an import of a workforce file did: the rows read and stored, and the warnings; when it was refused, the errors
 * (each with its row) and nothing stored.
 *
 * @param kind {@code practice-detailed}, {@code high-level} or {@code hchs}
 * @param month the month of the extract as {@code YYYY-MM}; null for the national series, which is by year
 */
public record WorkforceImportReport(String kind, String fileName, String month, int rowsRead, int rowsStored,
		List<WorkforceRowMessage> warnings, List<WorkforceRowMessage> errors) {

	public WorkforceImportReport {
		warnings = List.copyOf(warnings);
		errors = List.copyOf(errors);
	}
}
