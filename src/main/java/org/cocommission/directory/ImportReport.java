package org.cocommission.directory;

import java.util.List;

/** What an import did, or would have done: nothing is stored when {@code errors} is not empty. */
public record ImportReport(int rowsRead, int created, int updated, int unchanged, List<RowMessage> warnings,
		List<RowMessage> errors) {

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
