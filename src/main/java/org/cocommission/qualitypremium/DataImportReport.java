package org.cocommission.qualitypremium;

import java.util.List;

import org.cocommission.directory.RowMessage;

/** What a data upload did: nothing is stored when there is any error; otherwise every row was stored. */
public record DataImportReport(String fileName, int rowsRead, int stored, int ccgs, List<RowMessage> errors) {

	public DataImportReport {
		errors = List.copyOf(errors);
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
