package org.cocommission.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.outcomes.compute.IndicatorValue;
import org.cocommission.outcomes.compute.PracticeValues;
import org.cocommission.outcomes.compute.ValueComputation;
import org.cocommission.outcomes.read.DecileSeries;
import org.cocommission.outcomes.read.OutcomesReadCache;
import org.cocommission.outcomes.read.SpineRow;
import org.cocommission.outcomes.read.StoredSlice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reading computed values. Values are aggregate statistics, not personal data: every signed-in user may read every
 * organisation's values (docs/domain-rules.md#outcomes: comparison with peers is the point). Other capabilities read
 * them from the system too: the quality premium computes from them at start-up. Not transactional: most reads are
 * answered from {@link OutcomesReadCache}, where opening and closing a transaction cost more than the read, and under
 * read committed a transaction would not give a read of several statements one snapshot anyway.
 */
@Service
public class OutcomesValues {

	/** Up to this many practices are read by probing their observations; more filter the kept slice of all of them. */
	private static final int FEW_PRACTICES = 200;

	private static final String VALUE_COLUMNS = """
			v.org_code, coalesce(o.name, v.org_code) as org_name, v.parent_code, v.numerator, v.denominator, v.value,
			v.lower95, v.upper95, v.lower998, v.upper998, v.compared_to_england, v.decile
			""";

	// JdbcTemplate on purpose: the read hot path (slices, deciles, lines) maps by hand into arrays, and
	// PracticeValues, computed on read, shares it.
	private final JdbcTemplate jdbc;

	private final Indicators indicators;

	private final AccessPolicy access;

	private final PracticeValues practices;

	private final OutcomesReadCache cache;

	private final ValueComputation computation;

	OutcomesValues(JdbcTemplate jdbc, Indicators indicators, AccessPolicy access, OutcomesReadCache cache,
			ValueComputation computation) {
		this.computation = computation;
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.access = access;
		this.practices = new PracticeValues(jdbc);
		this.cache = cache;
	}

	/** The periods an indicator has values for, oldest first. */
	public List<String> periods(String indicatorId) {
		access.requireUserOrSystem();
		return cache.get("periods", List.of(indicatorId), () -> List.copyOf(jdbc.queryForList("select v.period"
				+ " from outcomes_value v join outcomes_period p on p.period = v.period"
				+ " where v.indicator_id = ? and v.level = 'ENGLAND' order by p.starts, p.ends", String.class,
				indicatorId)));
	}

	/**
	 * Every organisation's value at a level, optionally only those under one parent, by organisation code. Practices'
	 * values are computed on read from their observations (see {@link ValueComputation}).
	 */
	public List<ValueRow> values(String indicatorId, OutcomesLevel level, String period, String parentCode) {
		access.requireUserOrSystem();
		Indicator indicator = indicators.get(indicatorId);
		if (level == OutcomesLevel.PRACTICE) {
			return cache.get("practices", Arrays.asList(indicatorId, period, parentCode),
					() -> practices.values(indicator, period, parentCode).stream().map(this::kept).toList());
		}
		List<ValueRow> slice = slice(indicatorId, level, period).rows();
		return parentCode == null ? slice
				: slice.stream().filter(row -> parentCode.equals(row.parentCode())).toList();
	}

	/**
	 * As {@link #values(String, OutcomesLevel, String, String)}, in a chosen structure (docs/domain-rules.md#outcomes,
	 * "Structure"): re-mapped onto the organisations of a date, or as it was. Where nothing sits elsewhere in that
	 * structure, the stored values are the answer.
	 */
	public List<ValueRow> values(String indicatorId, OutcomesLevel level, String period, String parentCode,
			Structure structure) {
		access.requireUserOrSystem();
		ValueComputation.Remapped remapped = remapped(indicatorId, structure);
		if (remapped == null) {
			return values(indicatorId, level, period, parentCode);
		}
		if (level == OutcomesLevel.PRACTICE) {
			return values(indicatorId, level, period, null).stream()
				.map(row -> withParent(row, remapped.ccgOf(period, row.orgCode())))
				.filter(row -> parentCode == null || parentCode.equals(row.parentCode()))
				.toList();
		}
		List<ValueRow> rows = remappedSlice(indicatorId, level, period, structure, remapped).rows();
		return parentCode == null ? rows : rows.stream().filter(row -> parentCode.equals(row.parentCode())).toList();
	}

	/** One level's re-mapped rows of one period, named, by code: kept like the stored slices. */
	private StoredSlice remappedSlice(String indicatorId, OutcomesLevel level, String period, Structure structure,
			ValueComputation.Remapped remapped) {
		return cache.get("remappedSlice", List.of(indicatorId, structure.date(), level, period),
				() -> StoredSlice.of(named(remapped.rows(indicatorId, period, level.name())).stream().map(this::kept)
					.toList()));
	}

	/** The values re-mapped onto the structure, kept per indicator and date; null when the stored ones are the answer. */
	private ValueComputation.Remapped remapped(String indicatorId, Structure structure) {
		if (structure == null || structure.asWas()) {
			return null;
		}
		ValueComputation.Remapped remapped = cache.get("remapped", List.of(indicatorId, structure.date()),
				() -> computation.remapped(List.of(indicatorId), structure.date()));
		return remapped.sameAsStored() ? null : remapped;
	}

	private static ValueRow withParent(ValueRow row, String parent) {
		return new ValueRow(row.orgCode(), row.orgName(), parent, row.numerator(), row.denominator(), row.value(),
				row.lower95(), row.upper95(), row.lower998(), row.upper998(), row.comparedToEngland(), row.decile(),
				row.aboveDenominator());
	}

	/** Rows with their organisations' names, as the stored rows have them. */
	private List<ValueRow> named(List<ValueRow> rows) {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select code, name from directory_organisation where code = any (?::varchar[])",
				rs -> {
					names.put(rs.getString(1), rs.getString(2));
				}, (Object) rows.stream().map(ValueRow::orgCode).toArray(String[]::new));
		return rows.stream()
			.map(row -> new ValueRow(row.orgCode(), names.getOrDefault(row.orgCode(), row.orgCode()), row.parentCode(),
					row.numerator(), row.denominator(), row.value(), row.lower95(), row.upper95(), row.lower998(),
					row.upper998(), row.comparedToEngland(), row.decile(), row.aboveDenominator()))
			.toList();
	}

	/**
	 * Deciles over time in a chosen structure: across CCGs and ICBs they follow it (ICBs re-mapped have every period,
	 * stored only from 1 July 2022); across practices they do not change.
	 */
	public DecileSeries deciles(String indicatorId, OutcomesLevel level, String orgCode, Structure structure) {
		DecileSeries stored = deciles(indicatorId, level, orgCode);
		ValueComputation.Remapped remapped = level == OutcomesLevel.CCG || level == OutcomesLevel.ICB
				? remapped(indicatorId, structure) : null;
		if (remapped == null) {
			return stored;
		}
		Map<String, double[]> storedCuts = new HashMap<>();
		for (int i = 0; i < stored.periods().size(); i++) {
			storedCuts.put(stored.periods().get(i), stored.cuts().get(i));
		}
		List<String> periods = new ArrayList<>();
		List<double[]> cuts = new ArrayList<>();
		List<Double> own = new ArrayList<>();
		List<Double> englandLine = new ArrayList<>();
		for (String period : level == OutcomesLevel.ICB ? periods(indicatorId) : stored.periods()) {
			double[] periodCuts = remapped.cuts(indicatorId, period, level.name());
			if (periodCuts == null && !storedCuts.containsKey(period)) {
				// Fewer than five ICBs then, even re-mapped: no deciles that period.
				continue;
			}
			periods.add(period);
			cuts.add(periodCuts == null ? storedCuts.get(period) : periodCuts);
			englandLine.add(values(indicatorId, OutcomesLevel.ENGLAND, period, null).stream()
				.findFirst()
				.map(ValueRow::value)
				.orElse(null));
			own.add(orgCode == null ? null : remapped.rows(indicatorId, period, level.name())
				.stream()
				.filter(row -> row.orgCode().equals(orgCode))
				.map(ValueRow::value)
				.findFirst()
				.orElse(null));
		}
		return new DecileSeries(indicatorId, level, List.copyOf(periods), Collections.unmodifiableList(cuts), orgCode,
				Collections.unmodifiableList(own), Collections.unmodifiableList(englandLine));
	}

	/** Every organisation's stored row of a level (not practices) in one period, by code. */
	private StoredSlice slice(String indicatorId, OutcomesLevel level, String period) {
		return cache.get("slice", List.of(indicatorId, level, period), () -> {
			IndicatorType type = indicators.find(indicatorId).map(Indicator::type).orElse(null);
			return StoredSlice.of(jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v"
					+ " left join directory_organisation o on o.code = v.org_code"
					+ " where v.indicator_id = ? and v.level = ? and v.period = ? order by v.org_code",
					(rs, row) -> kept(row(rs, type)), indicatorId, level.name(), period));
		});
	}

	private static List<ValueRow> only(List<ValueRow> rows, Collection<String> orgCodes) {
		Set<String> wanted = orgCodes instanceof Set<String> set ? set : new HashSet<>(orgCodes);
		return rows.stream().filter(row -> wanted.contains(row.orgCode())).toList();
	}

	public List<ValueRow> englandValues(String indicatorId) {
		access.requireUser();
		IndicatorType type = indicators.find(indicatorId).map(Indicator::type).orElse(null);
		return jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v join outcomes_period p on p.period = v.period"
				+ " left join directory_organisation o on o.code = v.org_code"
				+ " where v.indicator_id = ? and v.level = 'ENGLAND' order by p.starts",
				(rs, row) -> row(rs, type), indicatorId);
	}

	/** Deciles across practices or CCGs over time, with one organisation's line and England's. */
	public DecileSeries deciles(String indicatorId, OutcomesLevel level, String orgCode) {
		access.requireUser();
		if (level != OutcomesLevel.PRACTICE && level != OutcomesLevel.CCG && level != OutcomesLevel.ICB) {
			throw new IllegalArgumentException("Deciles are computed across practices, CCGs and ICBs");
		}
		DecileSeries series = cache.get("deciles", List.of(indicatorId, level), () -> decileSeries(indicatorId, level));
		List<Double> own = new ArrayList<>(series.periods().size());
		Map<String, Double> values = orgCode == null ? Map.of() : ownLine(indicatorId, level, orgCode);
		series.periods().forEach(period -> own.add(values.get(period)));
		return new DecileSeries(indicatorId, level, series.periods(), series.cuts(), orgCode,
				Collections.unmodifiableList(own), series.englandValues());
	}

	private DecileSeries decileSeries(String indicatorId, OutcomesLevel level) {
		List<String> periods = new ArrayList<>();
		List<double[]> cuts = new ArrayList<>();
		List<Double> england = new ArrayList<>();
		jdbc.query("""
				select d.period, d.cuts, e.value
				from outcomes_decile d join outcomes_period p on p.period = d.period
				left join outcomes_value e on e.indicator_id = d.indicator_id and e.period = d.period and e.level = 'ENGLAND'
				where d.indicator_id = ? and d.level = ? order by p.starts, p.ends
				""", rs -> {
			periods.add(rs.getString(1));
			cuts.add(PracticeValues.cuts(rs.getArray(2)));
			england.add(nullable(rs, 3));
		}, indicatorId, level.name());
		return new DecileSeries(indicatorId, level, List.copyOf(periods), List.copyOf(cuts), null, List.of(),
				Collections.unmodifiableList(england));
	}

	/**
	 * One organisation's value per period. A CCG's comes from one kept map of every CCG's line; a practice's is
	 * computed from its observations, as every practice value is, with one probe of the key per period.
	 */
	private Map<String, Double> ownLine(String indicatorId, OutcomesLevel level, String orgCode) {
		if (level != OutcomesLevel.PRACTICE) {
			Lines lines = cache.get("lines", List.of(indicatorId, level), () -> {
				Map<String, Map<String, Double>> byOrg = new HashMap<>();
				int[] count = { 0 };
				jdbc.query("select org_code, period, value from outcomes_value where indicator_id = ? and level = ?",
						rs -> {
							byOrg.computeIfAbsent(cache.canonical(rs.getString(1)), org -> new HashMap<>())
								.put(cache.canonical(rs.getString(2)), nullable(rs, 3));
							count[0]++;
						}, indicatorId, level.name());
				return new Lines(byOrg, count[0]);
			});
			return lines.byOrg().getOrDefault(orgCode, Map.of());
		}
		Indicator indicator = indicators.find(indicatorId).orElse(null);
		Map<String, Double> line = new HashMap<>();
		if (indicator == null) {
			return line;
		}
		jdbc.query("""
				select period, numerators[place], denominators[place] from (
				    select d.period, s.numerators, s.denominators, array_position(s.org_codes, ?) as place
				    from outcomes_decile d
				    join outcomes_slice s on s.indicator_id = d.indicator_id and s.period = d.period
				    where d.indicator_id = ? and d.level = 'PRACTICE') found
				where place is not null
				""", rs -> {
			line.put(rs.getString(1), IndicatorValue.of(indicator, rs.getDouble(2), rs.getDouble(3)).value());
		}, orgCode, indicatorId);
		return line;
	}

	/** The latest value of every indicator for a CCG, beside England's and its peers' range. */
	public List<SpineRow> spine(String ccgCode, List<String> peerCodes) {
		return spine(ccgCode, peerCodes, null);
	}

	/**
	 * As above in a chosen structure (docs/domain-rules.md#outcomes, "Structure" and "Spine chart"): the CCG's latest
	 * value in that structure, and the ranges of its peers (of that structure) and of all CCGs, from the values
	 * re-mapped onto it; null or {@code as-was}: the stored values.
	 */
	public List<SpineRow> spine(String ccgCode, List<String> peerCodes, Structure structure) {
		access.requireUser();
		List<SpineRow> rows = new ArrayList<>();
		for (Indicator indicator : indicators.all()) {
			ValueComputation.Remapped remapped = remapped(indicator.id(), structure);
			List<String> periods = remapped == null ? ccgPeriods(indicator.id()) : periods(indicator.id());
			for (int at = periods.size() - 1; at >= 0; at--) {
				String period = periods.get(at);
				StoredSlice ccgs = remapped == null ? slice(indicator.id(), OutcomesLevel.CCG, period)
						: remappedSlice(indicator.id(), OutcomesLevel.CCG, period, structure, remapped);
				ValueRow ccg = ccgs.row(ccgCode);
				if (ccg == null) {
					continue;
				}
				Double england = slice(indicator.id(), OutcomesLevel.ENGLAND, period).firstValue();
				List<ValueRow> peerRows = ccgs.only(peerCodes);
				rows.add(new SpineRow(indicator, period, england, ccg, StoredSlice.lowest(peerRows),
						StoredSlice.highest(peerRows), ccgs.lowest(), ccgs.highest()));
				break;
			}
		}
		return rows;
	}

	/** The periods an indicator has CCG values for, oldest first. */
	private List<String> ccgPeriods(String indicatorId) {
		return cache.get("ccgPeriods", List.of(indicatorId), () -> List.copyOf(jdbc.queryForList("select p.period"
				+ " from outcomes_period p where exists (select 1 from outcomes_value v where v.indicator_id = ?"
				+ " and v.period = p.period and v.level = 'CCG') order by p.starts, p.ends", String.class, indicatorId)));
	}

	/** CCGs with computed values, by name, for choosing one. */
	public List<OrgRef> ccgsWithValues() {
		return cache.get("ccgsWithValues", List.of(), () -> List.copyOf(jdbc.query("select distinct v.org_code,"
				+ " coalesce(o.name, v.org_code) from outcomes_value v left join directory_organisation o"
				+ " on o.code = v.org_code where v.level = 'CCG' order by 2",
				(rs, row) -> new OrgRef(rs.getString(1), rs.getString(2)))));
	}

	/** The CCG a user works in or under: their own for a CCG account, their practice's for a practice account. */
	public String userCcg(CurrentUser user) {
		if (user.role() == Role.CCG) {
			return user.organisationCode();
		}
		if (user.role() == Role.PRACTICE) {
			// The practice's CCG (its latest link), where that CCG has values.
			return jdbc.query("""
					select r.parent_code from directory_relationship r
					join directory_organisation parent on parent.code = r.parent_code and parent.type = 'CCG'
					where r.child_code = ? and exists (select 1 from outcomes_value v where v.level = 'CCG'
					  and v.org_code = r.parent_code)
					order by r.valid_to desc nulls first, r.valid_from desc nulls last limit 1
					""", (rs, row) -> rs.getString(1), user.organisationCode())
				.stream()
				.findFirst()
				.orElse(null);
		}
		return null;
	}

	public String name(String code) {
		return cache.get("name", List.of(code), () -> jdbc
			.query("select name from directory_organisation where code = ?", (rs, row) -> rs.getString(1), code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException("No organisation " + code)));
	}

	/** An organisation as a choice. */
	public record OrgRef(String code, String name) {
	}

	public boolean hasValues() {
		return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from outcomes_value)", Boolean.class));
	}

	static ValueRow row(ResultSet rs, IndicatorType type) throws SQLException {
		int decile = rs.getInt("decile");
		Integer decileOrNull = rs.wasNull() ? null : decile;
		double numerator = rs.getDouble("numerator");
		double denominator = rs.getDouble("denominator");
		return new ValueRow(rs.getString("org_code"), rs.getString("org_name"), rs.getString("parent_code"),
				numerator, denominator, nullable(rs, "value"), nullable(rs, "lower95"), nullable(rs, "upper95"),
				nullable(rs, "lower998"), nullable(rs, "upper998"), rs.getString("compared_to_england"), decileOrNull,
				ValueRow.aboveDenominator(type, numerator, denominator));
	}

	/** Each organisation's value in each period of one indicator and level, by code then period. */
	private record Lines(Map<String, Map<String, Double>> byOrg, int count) implements OutcomesReadCache.Weighed {

		/** A period's value weighs about a third of a row. */
		@Override
		public int weight() {
			return 1 + count / 3;
		}
	}

	/** A row to keep in the cache, its texts shared with every other kept row's. */
	private ValueRow kept(ValueRow row) {
		return new ValueRow(cache.canonical(row.orgCode()), cache.canonical(row.orgName()),
				cache.canonical(row.parentCode()), row.numerator(), row.denominator(), row.value(), row.lower95(),
				row.upper95(), row.lower998(), row.upper998(), cache.canonical(row.comparedToEngland()), row.decile(),
				row.aboveDenominator());
	}

	private static Double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullable(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** The values of the given organisations at a level, for one indicator and period, by organisation code. */
	public List<ValueRow> valuesOf(String indicatorId, OutcomesLevel level, String period, Collection<String> orgCodes) {
		access.requireUserOrSystem();
		if (orgCodes.isEmpty()) {
			return List.of();
		}
		if (level == OutcomesLevel.PRACTICE && orgCodes.size() <= FEW_PRACTICES) {
			return practices.valuesOf(indicators.get(indicatorId), period, orgCodes);
		}
		if (level == OutcomesLevel.PRACTICE) {
			return only(values(indicatorId, level, period, null), orgCodes);
		}
		return slice(indicatorId, level, period).only(orgCodes);
	}

	/** For each indicator the organisation has a value of at a level, the latest such period, by indicator id. */
	public Map<String, String> latestPeriods(OutcomesLevel level, String orgCode) {
		access.requireUserOrSystem();
		if (level == OutcomesLevel.PRACTICE) {
			return practices.latestPeriods(orgCode);
		}
		Map<String, String> latest = new LinkedHashMap<>();
		// Probes the primary key once per indicator and period (the lateral limit keeps the planner from a join that
		// scanned every value: 120 ms at national scale against 10).
		jdbc.query("""
				select i.id, p.period from outcomes_indicator i cross join outcomes_period p
				cross join lateral (select 1 from outcomes_value v where v.indicator_id = i.id and v.period = p.period
				  and v.level = ? and v.org_code = ? limit 1) found
				order by i.id, p.starts desc, p.ends desc
				""", rs -> {
			latest.putIfAbsent(rs.getString(1), rs.getString(2));
		}, level.name(), orgCode);
		return latest;
	}

	/**
	 * For each indicator at its own period ({@code periodByIndicator}), the values of the given organisations at a level
	 * (every organisation of the level when {@code orgCodes} is null), by indicator id: one query for a whole spine.
	 */
	public Map<String, List<ValueRow>> valuesAt(Map<String, String> periodByIndicator, OutcomesLevel level,
			Collection<String> orgCodes) {
		return valuesAt(periodByIndicator, level, orgCodes, null);
	}

	/** As above in a chosen structure (null or {@code as-was}: the stored values); practices' do not depend on it. */
	public Map<String, List<ValueRow>> valuesAt(Map<String, String> periodByIndicator, OutcomesLevel level,
			Collection<String> orgCodes, Structure structure) {
		access.requireUserOrSystem();
		Map<String, List<ValueRow>> result = new LinkedHashMap<>();
		if (level == OutcomesLevel.PRACTICE) {
			periodByIndicator.forEach((indicatorId, period) -> {
				List<ValueRow> rows = practices.valuesOf(indicators.get(indicatorId), period, orgCodes);
				if (!rows.isEmpty()) {
					result.put(indicatorId, rows);
				}
			});
			return result;
		}
		periodByIndicator.forEach((indicatorId, period) -> {
			if (indicators.find(indicatorId).isEmpty()) {
				return;
			}
			ValueComputation.Remapped remapped = remapped(indicatorId, structure);
			StoredSlice slice = remapped == null ? slice(indicatorId, level, period)
					: remappedSlice(indicatorId, level, period, structure, remapped);
			List<ValueRow> rows = orgCodes == null ? slice.rows() : slice.only(orgCodes);
			if (!rows.isEmpty()) {
				result.put(indicatorId, rows);
			}
		});
		return result;
	}

	/**
	 * For each indicator at its own period, the lowest and highest value across a level, by indicator id. Practices'
	 * ranges are kept by the recompute, since their values are computed on read.
	 */
	public Map<String, Range> rangesAt(Map<String, String> periodByIndicator, OutcomesLevel level) {
		access.requireUserOrSystem();
		Map<String, Range> result = new LinkedHashMap<>();
		String ranges = level == OutcomesLevel.PRACTICE
				? "select r.lowest, r.highest from outcomes_range r where r.indicator_id = k.indicator_id"
						+ " and r.period = k.period and r.level = ?"
				: "select min(value) as lowest, max(value) as highest from outcomes_value v"
						+ " where v.indicator_id = k.indicator_id and v.period = k.period and v.level = ?";
		jdbc.query("select k.indicator_id, r.lowest, r.highest"
				+ " from unnest(cast(? as varchar[]), cast(? as varchar[])) as k(indicator_id, period)"
				+ " cross join lateral (" + ranges + ") r", rs -> {
					result.put(rs.getString(1), new Range(nullable(rs, 2), nullable(rs, 3)));
				}, periodByIndicator.keySet().toArray(String[]::new), periodByIndicator.values().toArray(String[]::new),
				level.name());
		return result;
	}

	/** The lowest and highest of some values; both null when there are none. */
	public record Range(Double lowest, Double highest) {
	}
}
