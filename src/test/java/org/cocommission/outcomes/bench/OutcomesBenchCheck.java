package org.cocommission.outcomes.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the reference SQL's results equal the engine's, read through {@link OutcomesValues}: value, both intervals,
 * comparison with England and decile (numbers to a relative 1e-9) for every CCG, area team, region and England row,
 * and for every practice row of one period per indicator (a different month for each).
 */
final class OutcomesBenchCheck {

	static final double TOLERANCE = 1e-9;

	private static final OutcomesLevel[] AGGREGATES = { OutcomesLevel.CCG, OutcomesLevel.AREA_TEAM, OutcomesLevel.REGION,
			OutcomesLevel.ENGLAND };

	/** What was compared and the first differences found. */
	record Outcome(long rowsCompared, long practiceRowsCompared, long mismatches, List<String> first) {

		boolean passed() {
			return mismatches == 0;
		}
	}

	private final OutcomesValues values;

	private final JdbcTemplate jdbc;

	private final List<String> first = new ArrayList<>();

	private long mismatches;

	OutcomesBenchCheck(OutcomesValues values, JdbcTemplate jdbc) {
		this.values = values;
		this.jdbc = jdbc;
	}

	Outcome check(List<OutcomesBenchIndicators.BenchIndicator> indicators, List<String> periods) {
		long rows = 0;
		long practiceRows = 0;
		for (int index = 0; index < indicators.size(); index++) {
			OutcomesBenchIndicators.BenchIndicator indicator = indicators.get(index);
			for (String period : periods) {
				for (OutcomesLevel level : AGGREGATES) {
					rows += compare(indicator.id(), level, period);
				}
			}
			if (indicator.practiceLevel()) {
				practiceRows += compare(indicator.id(), OutcomesLevel.PRACTICE, periods.get(index % periods.size()));
			}
		}
		return new Outcome(rows + practiceRows, practiceRows, mismatches, List.copyOf(first));
	}

	private int compare(String indicator, OutcomesLevel level, String period) {
		List<ValueRow> engine = values.values(indicator, level, period, null);
		Map<String, ValueRow> reference = new HashMap<>();
		jdbc.query("select org_code, numerator, denominator, value, lower95, upper95, lower998, upper998,"
				+ " compared_to_england, decile from bench_ref_value where indicator_id = ? and period = ? and level = ?",
				rs -> {
					int decile = rs.getInt(10);
					Integer decileOrNull = rs.wasNull() ? null : decile;
					reference.put(rs.getString(1), new ValueRow(rs.getString(1), null, null, rs.getDouble(2),
							rs.getDouble(3), (Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6),
							(Double) rs.getObject(7), (Double) rs.getObject(8), rs.getString(9), decileOrNull));
				}, indicator, period, level.name());
		String where = indicator + " " + period + " " + level;
		if (engine.size() != reference.size()) {
			mismatch(where + ": the engine has " + engine.size() + " rows, the reference " + reference.size());
		}
		for (ValueRow row : engine) {
			ValueRow expected = reference.get(row.orgCode());
			if (expected == null) {
				mismatch(where + " " + row.orgCode() + ": not in the reference");
				continue;
			}
			String difference = difference(row, expected);
			if (difference != null) {
				mismatch(where + " " + row.orgCode() + ": " + difference);
			}
		}
		return engine.size();
	}

	private void mismatch(String message) {
		mismatches++;
		if (first.size() < 10) {
			first.add(message);
		}
	}

	/** The first field where the engine's row differs from the reference's, or null when they are equal. */
	static String difference(ValueRow engine, ValueRow reference) {
		String[] names = { "numerator", "denominator", "value", "lower95", "upper95", "lower998", "upper998" };
		Double[] actual = { engine.numerator(), engine.denominator(), engine.value(), engine.lower95(), engine.upper95(),
				engine.lower998(), engine.upper998() };
		Double[] expected = { reference.numerator(), reference.denominator(), reference.value(), reference.lower95(),
				reference.upper95(), reference.lower998(), reference.upper998() };
		for (int index = 0; index < names.length; index++) {
			if (!close(actual[index], expected[index])) {
				return names[index] + " engine " + actual[index] + ", reference " + expected[index];
			}
		}
		if (!Objects.equals(engine.comparedToEngland(), reference.comparedToEngland())) {
			return "comparison engine " + engine.comparedToEngland() + ", reference " + reference.comparedToEngland();
		}
		if (!Objects.equals(engine.decile(), reference.decile())) {
			return "decile engine " + engine.decile() + ", reference " + reference.decile();
		}
		return null;
	}

	static boolean close(Double actual, Double expected) {
		if (actual == null || expected == null) {
			return actual == null && expected == null;
		}
		return Math.abs(actual - expected) <= TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-12;
	}
}
