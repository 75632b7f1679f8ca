package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cocommission.outcomes.ValueRow;

/**
 * Every organisation's stored value at one level (not practices) for one indicator and period, in code order, with
 * each row found by its code and the level's lowest and highest value worked out once: a spine asks a slice for one
 * CCG, its ten peers and the range of all CCGs, once per indicator.
 */
public record StoredSlice(List<ValueRow> rows, Map<String, Integer> positions, Double lowest, Double highest)
		implements OutcomesReadCache.Weighed {

	public static StoredSlice of(List<ValueRow> rows) {
		Map<String, Integer> positions = new HashMap<>(rows.size() * 2);
		for (int at = 0; at < rows.size(); at++) {
			positions.put(rows.get(at).orgCode(), at);
		}
		return new StoredSlice(List.copyOf(rows), Map.copyOf(positions), lowest(rows), highest(rows));
	}

	/** The organisation's row, or null when it has none. */
	public ValueRow row(String orgCode) {
		Integer at = positions.get(orgCode);
		return at == null ? null : rows.get(at);
	}

	/** The rows of these organisations that the slice has, in the slice's (code) order. */
	public List<ValueRow> only(Collection<String> orgCodes) {
		int[] found = orgCodes.stream().map(positions::get).filter(Objects::nonNull).mapToInt(Integer::intValue)
			.sorted().distinct().toArray();
		List<ValueRow> only = new ArrayList<>(found.length);
		for (int at : found) {
			only.add(rows.get(at));
		}
		return only;
	}

	/** The first row's value: England's, in England's slice of one row. */
	public Double firstValue() {
		return rows.isEmpty() ? null : rows.get(0).value();
	}

	@Override
	public int weight() {
		return 1 + rows.size();
	}

	public static Double lowest(List<ValueRow> rows) {
		return rows.stream().map(ValueRow::value).filter(Objects::nonNull).min(Double::compare).orElse(null);
	}

	public static Double highest(List<ValueRow> rows) {
		return rows.stream().map(ValueRow::value).filter(Objects::nonNull).max(Double::compare).orElse(null);
	}
}
