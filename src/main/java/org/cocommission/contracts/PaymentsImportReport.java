package org.cocommission.contracts;

import java.util.List;

/**
 * The outcome of importing one year's "NHS Payments to General Practice": rows read, practices stored, warnings about
 * publisher quirks (stored anyway) and errors (nothing stored).
 */
public record PaymentsImportReport(int rowsRead, int stored, List<ImportMessage> warnings, List<ImportMessage> errors) {

	public PaymentsImportReport {
		warnings = List.copyOf(warnings);
		errors = List.copyOf(errors);
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
