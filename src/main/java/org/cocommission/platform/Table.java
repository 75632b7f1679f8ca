package org.cocommission.platform;

import java.util.List;

/**
 * A table to export, as the page shows it: a title (the sheet name), column headings and rows of cells. Cells are
 * strings, numbers ({@link Number}, {@link Money}) or null; numbers stay numbers in a spreadsheet.
 */
public record Table(String title, List<String> headings, List<List<Object>> rows) {

	public Table {
		headings = List.copyOf(headings);
		rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
		for (List<Object> row : rows) {
			if (row.size() != headings.size()) {
				throw new IllegalArgumentException("Every row of " + title + " needs " + headings.size() + " cells");
			}
		}
	}
}
