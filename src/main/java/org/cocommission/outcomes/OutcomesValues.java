package org.cocommission.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading computed values. Values are aggregate statistics, not personal data: every signed-in user may read every
 * organisation's values (REFERENCE.md section 8: comparison with peers is the point). Other capabilities read them
 * from the system too: the quality premium computes from them at start-up.
 */
@Service
@Transactional(readOnly = true)
public class OutcomesValues {

	private static final String VALUE_COLUMNS = """
			v.org_code, coalesce(o.name, v.org_code) as org_name, v.parent_code, v.numerator, v.denominator, v.value,
			v.lower95, v.upper95, v.lower998, v.upper998, v.compared_to_england, v.decile
			""";

	private final JdbcTemplate jdbc;

	private final Indicators indicators;

	private final AccessPolicy access;

	private final PracticeValues practices;

	OutcomesValues(JdbcTemplate jdbc, Indicators indicators, AccessPolicy access) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.access = access;
		this.practices = new PracticeValues(jdbc);
	}

	/** The periods an indicator has values for, oldest first. */
	public List<String> periods(String indicatorId) {
		access.requireUserOrSystem();
		return jdbc.queryForList("select v.period from outcomes_value v join outcomes_period p on p.period = v.period"
				+ " where v.indicator_id = ? and v.level = 'ENGLAND' order by p.starts, p.ends", String.class, indicatorId);
	}

	/**
	 * Every organisation's value at a level, optionally only those under one parent, by organisation code. Practices'
	 * values are computed on read from their observations (see {@link ValueComputation}).
	 */
	public List<ValueRow> values(String indicatorId, OutcomesLevel level, String period, String parentCode) {
		access.requireUserOrSystem();
		Indicator indicator = indicators.get(indicatorId);
		if (level == OutcomesLevel.PRACTICE) {
			return practices.values(indicator, period, parentCode);
		}
		return jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v left join directory_organisation o"
				+ " on o.code = v.org_code where v.indicator_id = ? and v.level = ? and v.period = ?"
				+ " and (cast(? as varchar) is null or v.parent_code = ?) order by v.org_code",
				(rs, row) -> row(rs), indicatorId, level.name(), period, parentCode, parentCode);
	}

	public List<ValueRow> englandValues(String indicatorId) {
		access.requireUser();
		return jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v join outcomes_period p on p.period = v.period"
				+ " left join directory_organisation o on o.code = v.org_code"
				+ " where v.indicator_id = ? and v.level = 'ENGLAND' order by p.starts", (rs, row) -> row(rs), indicatorId);
	}

	/** Deciles across practices or CCGs over time, with one organisation's line and England's. */
	public DecileSeries deciles(String indicatorId, OutcomesLevel level, String orgCode) {
		access.requireUser();
		if (level != OutcomesLevel.PRACTICE && level != OutcomesLevel.CCG) {
			throw new IllegalArgumentException("Deciles are computed across practices and across CCGs");
		}
		List<String> periods = new ArrayList<>();
		List<double[]> cuts = new ArrayList<>();
		Map<String, Double> own = new LinkedHashMap<>();
		Map<String, Double> england = new LinkedHashMap<>();
		boolean practice = level == OutcomesLevel.PRACTICE;
		Indicator indicator = practice ? indicators.find(indicatorId).orElse(null) : null;
		// A practice's own value is computed from its observation, as every practice value is.
		jdbc.query("""
				select d.period, d.cuts, v.value, e.value, ob.numerator, ob.denominator
				from outcomes_decile d join outcomes_period p on p.period = d.period
				left join outcomes_value v on v.indicator_id = d.indicator_id and v.period = d.period and v.level = d.level
				  and v.org_code = ?
				left join lateral (select ob.numerator, ob.denominator from outcomes_observation ob
				    where d.level = 'PRACTICE' and ob.indicator_id = d.indicator_id and ob.period = d.period
				      and ob.org_code = ?) ob on true
				left join outcomes_value e on e.indicator_id = d.indicator_id and e.period = d.period and e.level = 'ENGLAND'
				where d.indicator_id = ? and d.level = ? order by p.starts, p.ends
				""", rs -> {
			String period = rs.getString(1);
			periods.add(period);
			cuts.add(PracticeValues.cuts(rs.getArray(2)));
			if (!practice) {
				own.put(period, nullable(rs, 3));
			}
			else {
				double numerator = rs.getDouble(5);
				boolean observed = !rs.wasNull() && indicator != null;
				own.put(period, observed ? IndicatorValue.of(indicator, numerator, rs.getDouble(6)).value() : null);
			}
			england.put(period, nullable(rs, 4));
		}, orgCode, orgCode, indicatorId, level.name());
		return new DecileSeries(indicatorId, level, periods, cuts, orgCode, new ArrayList<>(own.values()),
				new ArrayList<>(england.values()));
	}

	/** The latest value of every indicator for a CCG, beside England's and its peers' range. */
	public List<SpineRow> spine(String ccgCode, List<String> peerCodes) {
		access.requireUser();
		String[] peers = peerCodes.toArray(String[]::new);
		List<SpineRow> rows = new ArrayList<>();
		for (Indicator indicator : indicators.all()) {
			List<String> periods = jdbc.queryForList("select v.period from outcomes_value v join outcomes_period p"
					+ " on p.period = v.period where v.indicator_id = ? and v.level = 'CCG' and v.org_code = ?"
					+ " order by p.starts desc, p.ends desc limit 1", String.class, indicator.id(), ccgCode);
			if (periods.isEmpty()) {
				continue;
			}
			String period = periods.get(0);
			ValueRow ccg = jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v left join directory_organisation o"
					+ " on o.code = v.org_code where v.indicator_id = ? and v.period = ? and v.level = 'CCG' and v.org_code = ?",
					(rs, row) -> row(rs), indicator.id(), period, ccgCode).get(0);
			Object[] ranges = jdbc.queryForObject("""
					select (select value from outcomes_value where indicator_id = ? and period = ? and level = 'ENGLAND'),
					       min(value) filter (where org_code = any (?)), max(value) filter (where org_code = any (?)),
					       min(value), max(value)
					from outcomes_value where indicator_id = ? and period = ? and level = 'CCG'
					""", (rs, row) -> new Object[] { nullable(rs, 1), nullable(rs, 2), nullable(rs, 3), nullable(rs, 4),
					nullable(rs, 5) }, indicator.id(), period, peers, peers, indicator.id(), period);
			rows.add(new SpineRow(indicator, period, (Double) ranges[0], ccg, (Double) ranges[1], (Double) ranges[2],
					(Double) ranges[3], (Double) ranges[4]));
		}
		return rows;
	}

	/** CCGs with computed values, by name, for choosing one. */
	public List<OrgRef> ccgsWithValues() {
		return jdbc.query("select distinct v.org_code, coalesce(o.name, v.org_code) from outcomes_value v"
				+ " left join directory_organisation o on o.code = v.org_code where v.level = 'CCG' order by 2",
				(rs, row) -> new OrgRef(rs.getString(1), rs.getString(2)));
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
		return jdbc.query("select name from directory_organisation where code = ?", (rs, row) -> rs.getString(1), code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException("No organisation " + code));
	}

	/** An organisation as a choice. */
	public record OrgRef(String code, String name) {
	}

	public boolean hasValues() {
		return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from outcomes_value)", Boolean.class));
	}

	static ValueRow row(ResultSet rs) throws SQLException {
		int decile = rs.getInt("decile");
		Integer decileOrNull = rs.wasNull() ? null : decile;
		return new ValueRow(rs.getString("org_code"), rs.getString("org_name"), rs.getString("parent_code"),
				rs.getDouble("numerator"), rs.getDouble("denominator"), nullable(rs, "value"), nullable(rs, "lower95"),
				nullable(rs, "upper95"), nullable(rs, "lower998"), nullable(rs, "upper998"),
				rs.getString("compared_to_england"), decileOrNull);
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
		if (level == OutcomesLevel.PRACTICE) {
			return practices.valuesOf(indicators.get(indicatorId), period, orgCodes);
		}
		return jdbc.query("select " + VALUE_COLUMNS + " from outcomes_value v left join directory_organisation o"
				+ " on o.code = v.org_code where v.indicator_id = ? and v.level = ? and v.period = ?"
				+ " and v.org_code = any (?) order by v.org_code", (rs, row) -> row(rs), indicatorId, level.name(),
				period, orgCodes.toArray(String[]::new));
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
		String[] codes = orgCodes == null ? null : orgCodes.toArray(String[]::new);
		// "offset 0" keeps each key's lookup a probe of the primary key rather than a join over every value.
		jdbc.query("select k.indicator_id as key_indicator, " + VALUE_COLUMNS
				+ " from unnest(cast(? as varchar[]), cast(? as varchar[])) as k(indicator_id, period)"
				+ " cross join lateral (select * from outcomes_value v where v.indicator_id = k.indicator_id"
				+ " and v.period = k.period and v.level = ? and (cast(? as varchar[]) is null or v.org_code = any (?))"
				+ " offset 0) v left join directory_organisation o on o.code = v.org_code order by k.indicator_id, v.org_code",
				rs -> {
					result.computeIfAbsent(rs.getString("key_indicator"), key -> new ArrayList<>()).add(row(rs));
				}, periodByIndicator.keySet().toArray(String[]::new), periodByIndicator.values().toArray(String[]::new),
				level.name(), codes, codes);
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
