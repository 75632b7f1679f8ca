package org.cocommission.directory;

import java.time.Instant;

/** One past import, as the imports page lists it. */
public record ImportRecord(long id, String kind, String fileName, String importedBy, Instant startedAt,
		Instant finishedAt, String outcome, int rowsRead, int created, int updated, int unchanged, int warnings,
		int errors) {
}
