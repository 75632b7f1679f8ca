package org.cocommission.contracts;

import java.time.Instant;

/** One import of a payments file, kept whatever its outcome. */
public record PaymentsImport(long id, String year, String fileName, String importedBy, Instant importedAt,
		String outcome, int rowsRead, int stored, int warnings, int errors) {
}
