package org.cocommission.directory.organisations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cocommission.directory.Directory.ListSort;

/**
 * The clickable column headers of a table sorted on the server (NHS.UK sortable table): each header links to the
 * same page sorted by its column, ascending first, or the other way round when it is already the sorted column.
 */
public record SortView(String path, Map<String, Object> keep, ListSort sort, boolean descending, String anchor) {

	public Header header(String column) {
		ListSort target = ListSort.parse(column);
		boolean current = target == sort;
		boolean nextDescending = current ? !descending : target == ListSort.LIST_SIZE;
		Map<String, Object> params = new LinkedHashMap<>(keep);
		params.put("sort", target.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		params.put("dir", nextDescending ? "desc" : "asc");
		String href = DirectoryParams.link(path, params) + (anchor == null ? "" : "#" + anchor);
		return new Header(href, current ? (descending ? "descending" : "ascending") : null);
	}

	/** Where a header links and, for the sorted column, its {@code aria-sort}. */
	record Header(String href, String ariaSort) {
	}
}
