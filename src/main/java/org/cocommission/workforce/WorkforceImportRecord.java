package org.cocommission.workforce;

import java.time.OffsetDateTime;

/** A workforce file imported: which kind, for which month ({@code YYYY-MM}, null for a national series), by whom. */
public record WorkforceImportRecord(String kind, String fileName, String month, int rowsRead, int rowsStored,
		int warnings, String importedBy, OffsetDateTime importedAt) {
}
