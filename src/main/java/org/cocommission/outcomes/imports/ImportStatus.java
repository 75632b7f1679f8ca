package org.cocommission.outcomes.imports;

import java.time.Instant;
import java.util.List;

import org.cocommission.outcomes.ImportError;

/** An import as the upload page follows it: running with rows read so far, then committed or rejected. */
public record ImportStatus(long id, String format, String fileName, String importedBy, Instant startedAt,
		Instant finishedAt, String status, long rowsRead, long stored, List<ImportError> errors,
		List<ImportError> warnings) {

	public ImportStatus {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	public boolean running() {
		return "RUNNING".equals(status);
	}
}
