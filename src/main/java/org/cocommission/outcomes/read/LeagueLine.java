package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.statistics.Trend;
import org.cocommission.outcomes.ValueRow;

/**
 * One line of an indicator's league table, written out for the page. The table is the page's largest part, so its
 * figures are formatted here once rather than by expressions in every cell.
 */
record LeagueLine(String orgLabel, String href, String counts, String value, String interval, String comparisonTag,
		String comparison, String decile, List<TrendNote> trends) {

	/** A trend as the table shows it: since which period, its direction and, on hover, its test statistic. */
	record TrendNote(String since, String tag, String direction, String title) {

		static TrendNote of(Trend trend) {
			String title = trend.z() == null ? null
					: "z = " + Figures.decimal(trend.z()) + (trend.significant998() ? ", significant at 99.8%" : "");
			return new TrendNote("since " + trend.fromPeriod() + ":", trend.direction().tag(), trend.direction().label(),
					title);
		}
	}

	/** The lines of the rows shown, with each organisation's trends from {@code trends} (by organisation code). */
	static List<LeagueLine> of(OutcomesLevel level, List<ValueRow> rows, Map<String, TrendPair> trends) {
		List<LeagueLine> lines = new ArrayList<>(rows.size());
		for (ValueRow row : rows) {
			lines.add(of(level, row, trends.get(row.orgCode())));
		}
		return lines;
	}

	/** Shown instead of a comparison for a proportion above 100% (docs/domain-rules.md#outcomes). */
	static final String ABOVE_DENOMINATOR = "Not compared: numerator above denominator";

	private static LeagueLine of(OutcomesLevel level, ValueRow row, TrendPair trend) {
		String href = switch (level) {
			case CCG -> "/outcomes/ccgs/" + row.orgCode();
			case PRACTICE -> "/outcomes/practices/" + row.orgCode();
			default -> null;
		};
		String interval = row.lower95() == null || row.upper95() == null ? "-"
				: Figures.decimal(row.lower95()) + " to " + Figures.decimal(row.upper95());
		List<TrendNote> notes = new ArrayList<>(2);
		if (trend != null && trend.sincePrevious() != null) {
			notes.add(TrendNote.of(trend.sincePrevious()));
		}
		if (trend != null && trend.sinceFirst() != null) {
			notes.add(TrendNote.of(trend.sinceFirst()));
		}
		return new LeagueLine(row.orgName() + " (" + row.orgCode() + ")", href,
				Figures.whole(row.numerator()) + " / " + Figures.whole(row.denominator()),
				row.value() == null ? "suppressed" : Figures.decimal(row.value()), interval, row.comparison().tag(),
				row.aboveDenominator() ? ABOVE_DENOMINATOR : row.comparison().label(),
				row.decile() == null ? "-" : row.decile().toString(), notes);
	}
}
