package org.cocommission.outcomes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Recomputes every value of the given indicators and periods, inside the caller's transaction. SQL places each
 * observation in its CCG, area team and region as at the first day of the period (the directory's dated links); one
 * streaming pass in Java sums numerators and denominators per level, computes values, intervals, the comparison with
 * England and deciles, and writes them back with COPY. Only one indicator and period is in memory at a time.
 */
@Component
class ValueComputation {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValueComputation.class);

	/** NHS England's directory code, used as the organisation of the England level. */
	static final String ENGLAND = "X24";

	private static final String[] LEVELS = { "ENGLAND", "REGION", "AREA_TEAM", "CCG", "PRACTICE" };

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	ValueComputation(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Recomputes every indicator and period that has observations. */
	void recomputeAll() {
		recompute(jdbc.query("select distinct indicator_id, period from outcomes_observation order by 1, 2",
				(rs, row) -> new IndicatorPeriod(rs.getString(1), rs.getString(2))));
	}

	void recompute(List<IndicatorPeriod> pairs) {
		if (pairs.isEmpty()) {
			return;
		}
		Map<String, Indicator> indicators = jdbc.query("select * from outcomes_indicator", (rs, row) -> Indicators.indicator(rs))
			.stream()
			.collect(Collectors.toMap(Indicator::id, Function.identity()));
		long started = System.nanoTime();
		place(pairs);
		long placed = System.nanoTime();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			ValueWriter writer = new ValueWriter(connection);
			try (PreparedStatement statement = connection.prepareStatement(OBSERVATIONS)) {
				statement.setFetchSize(10_000);
				try (ResultSet rs = statement.executeQuery()) {
					stream(rs, indicators, writer);
				}
			}
			writer.flush();
			long written = System.nanoTime();
			jdbc.execute("analyze outcomes_value");
			jdbc.execute("analyze outcomes_decile");
			log.info("Recomputed {} indicator periods: placed in {} ms, read, summed, computed and written in {} ms"
					+ " (of which COPY {} ms), analysed in {} ms", pairs.size(), (placed - started) / 1_000_000,
					(written - placed) / 1_000_000, writer.copyMillis(), (System.nanoTime() - written) / 1_000_000);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not recompute outcomes values", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** Puts each observation of the pairs with its CCG, area team and region as at the period's first day. */
	private void place(List<IndicatorPeriod> pairs) {
		jdbc.execute("drop table if exists outcomes_pairs; drop table if exists outcomes_links;"
				+ " drop table if exists outcomes_places");
		jdbc.execute("create temporary table outcomes_pairs (indicator_id varchar(40), period varchar(7)) on commit drop");
		jdbc.batchUpdate("insert into outcomes_pairs values (?, ?)", pairs, 1000, (statement, pair) -> {
			statement.setString(1, pair.indicatorId());
			statement.setString(2, pair.period());
		});
		jdbc.execute("analyze outcomes_pairs");
		jdbc.update("delete from outcomes_value v using outcomes_pairs p where v.indicator_id = p.indicator_id and v.period = p.period");
		jdbc.update("delete from outcomes_decile d using outcomes_pairs p where d.indicator_id = p.indicator_id and d.period = p.period");
		jdbc.execute("""
				create temporary table outcomes_links on commit drop as
				select distinct on (d.starts, r.child_code, parent.type) d.starts, r.child_code, r.parent_code, parent.type
				from (select distinct p.starts from outcomes_pairs x join outcomes_period p on p.period = x.period) d
				join directory_relationship r on (r.valid_from is null or r.valid_from <= d.starts)
				  and (r.valid_to is null or r.valid_to >= d.starts)
				join directory_organisation parent on parent.code = r.parent_code and parent.type in ('CCG', 'AREA_TEAM', 'REGION')
				order by d.starts, r.child_code, parent.type, r.valid_from desc nulls last
				""");
		jdbc.execute("analyze outcomes_links");
		// Where each practice and CCG sits on each period's first day: one small table, joined once by hash.
		jdbc.execute("""
				create temporary table outcomes_places on commit drop as
				select l.starts, l.child_code as org_code, l.parent_code as ccg_code, area.parent_code as area_code,
				       region.parent_code as region_code
				from outcomes_links l
				left join outcomes_links area on area.starts = l.starts and area.child_code = l.parent_code
				  and area.type = 'AREA_TEAM'
				left join outcomes_links region on region.starts = l.starts and region.child_code = area.parent_code
				  and region.type = 'REGION'
				where l.type = 'CCG'
				union all
				select area.starts, area.child_code, area.child_code, area.parent_code, region.parent_code
				from outcomes_links area
				join directory_organisation ccg on ccg.code = area.child_code and ccg.type = 'CCG'
				left join outcomes_links region on region.starts = area.starts and region.child_code = area.parent_code
				  and region.type = 'REGION'
				where area.type = 'AREA_TEAM'
				""");
		jdbc.execute("analyze outcomes_places");
	}

	/**
	 * The observations of the pairs with where each sits, grouped by indicator and period (the primary key's order,
	 * so no sort is needed); the sums per CCG, area team, region and England are made in Java as they stream past.
	 */
	private static final String OBSERVATIONS = """
			select o.indicator_id, o.period, o.org_code, o.numerator, o.denominator,
			       place.ccg_code, place.area_code, place.region_code
			from outcomes_pairs x
			join outcomes_period p on p.period = x.period
			join outcomes_observation o on o.indicator_id = x.indicator_id and o.period = x.period
			left join outcomes_places place on place.starts = p.starts and place.org_code = o.org_code
			order by o.indicator_id, o.period
			""";

	private void stream(ResultSet rs, Map<String, Indicator> indicators, ValueWriter writer) throws SQLException {
		String indicatorId = null;
		String period = null;
		List<Observation> group = new ArrayList<>();
		while (rs.next()) {
			String rowIndicator = rs.getString(1);
			String rowPeriod = rs.getString(2);
			if (!rowIndicator.equals(indicatorId) || !rowPeriod.equals(period)) {
				if (!group.isEmpty()) {
					finishPair(indicators.get(indicatorId), period, group, writer);
				}
				group.clear();
				indicatorId = rowIndicator;
				period = rowPeriod;
			}
			group.add(new Observation(rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6),
					rs.getString(7), rs.getString(8)));
		}
		if (!group.isEmpty()) {
			finishPair(indicators.get(indicatorId), period, group, writer);
		}
	}

	/** Sums one indicator and period up the hierarchy (sum of numerators over sum of denominators) and writes it all. */
	private static void finishPair(Indicator indicator, String period, List<Observation> observations, ValueWriter writer) {
		Sums regions = new Sums();
		Sums areas = new Sums();
		Sums ccgs = new Sums();
		double numerator = 0;
		double denominator = 0;
		List<Aggregate> practices = new ArrayList<>(observations.size());
		for (Observation o : observations) {
			numerator += o.numerator();
			denominator += o.denominator();
			ccgs.add(o.ccgCode(), o.areaCode(), o);
			areas.add(o.areaCode(), o.regionCode(), o);
			regions.add(o.regionCode(), ENGLAND, o);
			if (indicator.level() == OutcomesLevel.PRACTICE) {
				practices.add(new Aggregate(o.orgCode(), o.ccgCode(), o.numerator(), o.denominator()));
			}
		}
		Double england = IndicatorValue.of(indicator, numerator, denominator).value();
		// Written in the primary key's order (levels by name, organisations by code), so the index only ever appends.
		practices.sort(java.util.Comparator.comparing(Aggregate::orgCode));
		finish(indicator, period, 2, areas.aggregates(), england, writer);
		finish(indicator, period, 3, ccgs.aggregates(), england, writer);
		finish(indicator, period, 0, List.of(new Aggregate(ENGLAND, null, numerator, denominator)), null, writer);
		finish(indicator, period, 4, practices, england, writer);
		finish(indicator, period, 1, regions.aggregates(), england, writer);
	}

	/** Computes and writes one level of one indicator and period, compared with England's value. */
	private static void finish(Indicator indicator, String period, int depth, List<Aggregate> group, Double england,
			ValueWriter writer) {
		String level = LEVELS[depth];
		List<IndicatorValue> values = new ArrayList<>(group.size());
		for (Aggregate aggregate : group) {
			values.add(IndicatorValue.of(indicator, aggregate.numerator(), aggregate.denominator()));
		}
		double[] cuts = null;
		if (depth >= 3) {
			cuts = Percentiles.decileCuts(values.stream().filter(v -> v.value() != null).mapToDouble(IndicatorValue::value).toArray());
			if (cuts != null) {
				writer.decile(indicator.id(), period, level, (int) values.stream().filter(v -> v.value() != null).count(), cuts);
			}
		}
		for (int index = 0; index < group.size(); index++) {
			Aggregate aggregate = group.get(index);
			IndicatorValue value = values.get(index);
			Comparison comparison = depth == 0 ? Comparison.NOT_COMPARED
					: BenchmarkComparison.compare(value.ci95(), england, indicator.polarity());
			Integer decile = value.value() == null ? null : Percentiles.decile(value.value(), cuts);
			writer.value(indicator.id(), period, level, aggregate, value, comparison, decile);
		}
	}

	record Aggregate(String orgCode, String parentCode, double numerator, double denominator) {
	}

	record Observation(String orgCode, double numerator, double denominator, String ccgCode, String areaCode,
			String regionCode) {
	}

	/** Running sums of numerators and denominators per organisation of one level, with each one's parent. */
	private static final class Sums {

		private final Map<String, double[]> sums = new java.util.TreeMap<>();

		private final Map<String, String> parents = new java.util.HashMap<>();

		void add(String code, String parent, Observation observation) {
			if (code == null) {
				return;
			}
			double[] sum = sums.computeIfAbsent(code, key -> new double[2]);
			sum[0] += observation.numerator();
			sum[1] += observation.denominator();
			parents.putIfAbsent(code, parent);
		}

		List<Aggregate> aggregates() {
			List<Aggregate> aggregates = new ArrayList<>(sums.size());
			sums.forEach((code, sum) -> aggregates.add(new Aggregate(code, parents.get(code), sum[0], sum[1])));
			return aggregates;
		}
	}
}
