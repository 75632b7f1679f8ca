package org.cocommission.outcomes.compute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cocommission.outcomes.statistics.BenchmarkComparison;
import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.statistics.Percentiles;
import org.cocommission.outcomes.ValueRow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Practices' values, computed on read: each is a pure function of the practice's own observation, its slice's
 * England value and the decile cut points across practices, which the recompute stores. Reading one slice (some
 * 7,800 practices) and computing its intervals takes milliseconds; storing every practice's row took most of a
 * national recompute. A practice's CCG is the one the attribution rule gives, as when it was summed.
 */
public final class PracticeValues {

	/**
	 * Each practice's CCG in the period, as when it was summed (Placements; docs/domain-rules.md#outcomes,
	 * "Attribution"): its CCG on the period's last day (of several, as the directory's rule {@code directory_links_on}
	 * chooses) or, with none then, the link that ended last within the period. {@code %s} is where a query narrows the
	 * practices looked up.
	 */
	private static final String DAY_AND_LINKS = """
			with day as (select starts, ends from outcomes_period where period = ?),
			on_day as (
			    select l.child_code, l.parent_code from day, directory_links_on(day.ends) l where l.parent_type = 'CCG'
			),
			links as (
			    select distinct on (r.child_code) r.child_code, coalesce(d.parent_code, r.parent_code) as parent_code
			    from day join directory_relationship r
			      on (r.valid_from is null or r.valid_from <= day.ends) and (r.valid_to is null or r.valid_to >= day.starts)
			    join directory_organisation parent on parent.code = r.parent_code and parent.type = 'CCG'
			    left join on_day d on d.child_code = r.child_code
			    %s
			    order by r.child_code, r.valid_to desc nulls first
			)
			""";

	/** Every practice of a slice, or those of one CCG. */
	private static final String PRACTICES = DAY_AND_LINKS.formatted("") + """
			select o.org_code, coalesce(org.name, o.org_code) as org_name, l.parent_code, o.numerator, o.denominator
			from outcomes_observation o
			left join links l on l.child_code = o.org_code
			left join directory_organisation org on org.code = o.org_code
			where o.indicator_id = ? and o.period = ? and (cast(? as varchar) is null or l.parent_code = ?)
			order by o.org_code
			""";

	/**
	 * Chosen practices of a slice (a practice page's own, its peers): each found in the slice's arrays, and only their
	 * CCG links looked up, instead of unnesting the slice and placing every practice.
	 */
	private static final String CHOSEN = DAY_AND_LINKS.formatted("where r.child_code = any (cast(? as varchar[]))")
			+ """
			, chosen as (
			    select c.code, s.numerators[p.place] as numerator, s.denominators[p.place] as denominator
			    from outcomes_slice s
			    cross join unnest(cast(? as text[])) as c (code)
			    cross join lateral (select array_position(s.org_codes, c.code) as place) p
			    where s.indicator_id = ? and s.period = ? and p.place is not null
			)
			select ch.code, coalesce(org.name, ch.code) as org_name, l.parent_code, ch.numerator, ch.denominator
			from chosen ch
			left join links l on l.child_code = ch.code
			left join directory_organisation org on org.code = ch.code
			order by ch.code
			""";

	// JdbcTemplate and hand mapping on purpose: a hot path of the national benchmark, reading array columns into
	// primitive arrays; OutcomesValues shares this template.
	private final JdbcTemplate jdbc;

	public PracticeValues(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every practice's value of a practice indicator in a period, optionally only those of one CCG, by code. */
	public List<ValueRow> values(Indicator indicator, String period, String ccgCode) {
		return values(indicator, period, ccgCode, null);
	}

	/** The values of the given practices (every practice when null) of a practice indicator in a period, by code. */
	public List<ValueRow> valuesOf(Indicator indicator, String period, Collection<String> codes) {
		return values(indicator, period, null, codes == null ? null : codes.stream().distinct().toArray(String[]::new));
	}

	/**
	 * For each practice indicator, the latest period with an observation of the practice, by indicator id. Asks, in
	 * rounds, whether each indicator's latest slice not yet looked in has the practice: usually one round, reading one
	 * array of codes per indicator, where a filter over every slice would read them all (36 a national indicator).
	 */
	public Map<String, String> latestPeriods(String practiceCode) {
		Map<String, List<String>> periodsLatestFirst = new TreeMap<>();
		jdbc.query("""
				select s.indicator_id, s.period from outcomes_slice s
				join outcomes_indicator i on i.id = s.indicator_id and i.level = 'PRACTICE'
				join outcomes_period p on p.period = s.period
				order by s.indicator_id, p.starts desc, p.ends desc
				""", rs -> {
			periodsLatestFirst.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
		});
		Map<String, String> latest = new TreeMap<>();
		for (int round = 0; !periodsLatestFirst.isEmpty(); round++) {
			List<String> indicatorIds = new ArrayList<>();
			List<String> periods = new ArrayList<>();
			for (var entry : periodsLatestFirst.entrySet()) {
				if (round < entry.getValue().size()) {
					indicatorIds.add(entry.getKey());
					periods.add(entry.getValue().get(round));
				}
			}
			if (indicatorIds.isEmpty()) {
				break;
			}
			jdbc.query("""
					select s.indicator_id, s.period from outcomes_slice s
					join unnest(cast(? as varchar[]), cast(? as varchar[])) as w (indicator_id, period)
					  on w.indicator_id = s.indicator_id and w.period = s.period
					where ? = any (s.org_codes)
					""", rs -> {
				latest.put(rs.getString(1), rs.getString(2));
				periodsLatestFirst.remove(rs.getString(1));
			}, indicatorIds.toArray(String[]::new), periods.toArray(String[]::new), practiceCode);
		}
		return latest;
	}

	private List<ValueRow> values(Indicator indicator, String period, String ccgCode, String[] codes) {
		if (indicator.level() != OutcomesLevel.PRACTICE) {
			return List.of();
		}
		Double england = jdbc.query("select value from outcomes_value where indicator_id = ? and period = ?"
				+ " and level = 'ENGLAND'", rs -> rs.next() ? nullable(rs.getDouble(1), rs.wasNull()) : null,
				indicator.id(), period);
		double[] cuts = jdbc.query("select cuts from outcomes_decile where indicator_id = ? and period = ?"
				+ " and level = 'PRACTICE'", rs -> rs.next() ? cuts(rs.getArray(1)) : null, indicator.id(), period);
		List<ValueRow> rows = new ArrayList<>();
		RowCallbackHandler add = rs -> rows.add(row(indicator, rs.getString(1), rs.getString(2), rs.getString(3),
				rs.getDouble(4), rs.getDouble(5), england, cuts));
		if (codes == null) {
			jdbc.query(PRACTICES, add, period, indicator.id(), period, ccgCode, ccgCode);
		}
		else {
			jdbc.query(CHOSEN, add, period, codes, codes, indicator.id(), period);
		}
		return rows;
	}

	/** One practice's row, exactly as the recompute would have stored it. */
	static ValueRow row(Indicator indicator, String code, String name, String parent, double numerator,
			double denominator, Double england, double[] cuts) {
		IndicatorValue value = IndicatorValue.of(indicator, numerator, denominator);
		Comparison comparison = BenchmarkComparison.compare(value.ci95(), england, indicator.polarity());
		boolean above = ValueRow.aboveDenominator(indicator.type(), numerator, denominator);
		// A register above the list is shown but left out of the deciles (docs/domain-rules.md#outcomes).
		Integer decile = value.value() == null || above ? null : Percentiles.decile(value.value(), cuts);
		return new ValueRow(code, name, parent, numerator, denominator, value.value(), value.ci95().lower(),
				value.ci95().upper(), value.ci998().lower(), value.ci998().upper(), comparison.name(), decile, above);
	}

	public static double[] cuts(java.sql.Array array) throws java.sql.SQLException {
		Double[] boxed = (Double[]) array.getArray();
		double[] values = new double[boxed.length];
		for (int i = 0; i < boxed.length; i++) {
			values[i] = boxed[i];
		}
		return values;
	}

	private static Double nullable(double value, boolean wasNull) {
		return wasNull ? null : value;
	}
}
