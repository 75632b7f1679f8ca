package org.cocommission.outcomes.compute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.cocommission.directory.Directory;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every value of the given indicators and periods. Observations are read with binary COPY into primitive
 * sums per slice (indicator and period), each placed in its CCG, area team and region by the attribution rule, on
 * the period's last day (array lookups in {@link Placements}; docs/domain-rules.md#outcomes, "Attribution"). Only what needs the whole population is stored: the CCG, area team, region
 * and England values and the decile cut points across practices and across CCGs. A practice's value, intervals,
 * comparison and decile are pure functions of its own observation and those, so {@link OutcomesValues} computes them
 * on read ({@link PracticeValues}) instead of writing millions of rows here.
 * <p>
 * A full recompute, when the caller's transaction has not written anything, reads the slices on several connections
 * at once (disjoint sets, by a hash of the slice's key); otherwise everything happens on the transaction's
 * connection, which sees its own uncommitted observations. Writing is always in one transaction: the caller's, or one
 * of its own.
 */
@Component
public class ValueComputation {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValueComputation.class);

	/** NHS England's directory code, used as the organisation of the England level. */
	public static final String ENGLAND = "X24";

	private static final int READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

	// JdbcTemplate and hand mapping on purpose: the recomputation hot path, reading slices into primitive arrays.
	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Directory directory;

	ValueComputation(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Recomputes every indicator and period that has observations. */
	public void recomputeAll() {
		run(null);
	}

	public void recompute(List<IndicatorPeriod> pairs) {
		if (!pairs.isEmpty()) {
			run(pairs);
		}
	}

	/**
	 * After the directory changed (memberships, links, organisations): recomputes the values whose period's placements
	 * it changed, by the fingerprint stored with each slice's values; every value when all of them moved (or none has
	 * a fingerprint yet). Serialised with imports; in the caller's transaction. Returns what was recomputed.
	 */
	public List<IndicatorPeriod> recomputeWherePlacementsChanged() {
		jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, ObservationImports.IMPORT_LOCK);
		if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from outcomes_slice)", Boolean.class))) {
			// No values yet (a directory loading first, as the demo's and load DIR's do): nothing to place.
			return List.of();
		}
		Map<String, LocalDate[]> dates = periodDates();
		Placements placements = placements();
		Map<String, Long> fingerprints = new HashMap<>();
		dates.forEach((period, days) -> fingerprints.put(period, placements.fingerprint(days[0], days[1])));
		List<IndicatorPeriod> all = new ArrayList<>();
		List<IndicatorPeriod> moved = new ArrayList<>();
		jdbc.query("select s.indicator_id, s.period, f.fingerprint from outcomes_slice s"
				+ " left join outcomes_slice_placement f on f.indicator_id = s.indicator_id and f.period = s.period",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					IndicatorPeriod pair = new IndicatorPeriod(rs.getString(1), rs.getString(2));
					all.add(pair);
					long stored = rs.getLong(3);
					if (rs.wasNull() || !Long.valueOf(stored).equals(fingerprints.get(pair.period()))) {
						moved.add(pair);
					}
				});
		if (moved.isEmpty()) {
			return List.of();
		}
		log.info("The directory changed where {} of {} indicator periods are placed: recomputing them", moved.size(),
				all.size());
		if (moved.size() == all.size()) {
			recomputeAll();
		}
		else {
			recompute(moved);
		}
		return moved;
	}

	private Placements placements() {
		return new Placements(jdbc, directory::successorsOn);
	}

	private Map<String, LocalDate[]> periodDates() {
		Map<String, LocalDate[]> dates = new HashMap<>();
		jdbc.query("select period, starts, ends from outcomes_period",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> dates.put(rs.getString(1),
						new LocalDate[] { rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() }));
		return dates;
	}

	private void run(List<IndicatorPeriod> pairs) {
		long started = System.nanoTime();
		Map<String, Indicator> indicators = jdbc.query(Indicators.DEFINITIONS, (rs, row) -> Indicators.indicator(rs))
			.stream()
			.collect(Collectors.toMap(Indicator::id, Function.identity()));
		Map<String, LocalDate[]> dates = periodDates();
		RecomputeScope scope = new RecomputeScope(indicators, dates, pairs, placements(), null);
		long placed = System.nanoTime();
		SliceSums[] sums = read(scope, pairs);
		StandardisedBands bands = new StandardisedBands(jdbc, scope, pairs);
		long read = System.nanoTime();
		List<ValueWriter.Rows> rows = IntStream.range(0, sums.length)
			.parallel()
			.filter(slice -> sums[slice] != null)
			.mapToObj(slice -> SliceFinisher.finish(scope, slice, sums[slice], bands))
			.toList();
		long finished = System.nanoTime();
		long[] copyMillis = new long[1];
		Runnable writing = () -> {
			copyMillis[0] = write(scope, pairs, rows);
			writeFingerprints(scope, dates, pairs, sums);
		};
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			writing.run();
		}
		else {
			transactions.executeWithoutResult(status -> writing.run());
		}
		log.info("Recomputed {} indicator periods: placed in {} ms, read in {} ms, computed in {} ms, written in {} ms"
				+ " (of which COPY {} ms)", rows.size(), (placed - started) / 1_000_000, (read - placed) / 1_000_000,
				(finished - read) / 1_000_000, (System.nanoTime() - finished) / 1_000_000, copyMillis[0]);
	}

	/**
	 * Every value of the given indicators, in every period, re-mapped onto the structure of one date
	 * (docs/domain-rules.md#outcomes, "Structure"), computed and returned, not stored: the stored values are each
	 * period in its own structure. Practices' values do not change with the structure; their CCG does
	 * ({@link Remapped#ccgOf}).
	 */
	public Remapped remapped(List<String> indicatorIds, LocalDate structure) {
		Map<String, Indicator> indicators = jdbc.query(Indicators.DEFINITIONS, (rs, row) -> Indicators.indicator(rs))
			.stream()
			.collect(Collectors.toMap(Indicator::id, Function.identity()));
		Map<String, LocalDate[]> dates = new HashMap<>();
		jdbc.query("select period, starts, ends from outcomes_period",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> dates.put(rs.getString(1),
						new LocalDate[] { rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() }));
		List<IndicatorPeriod> pairs = jdbc.query(
				"select indicator_id, period from outcomes_slice where indicator_id = any (?::varchar[])",
				(rs, row) -> new IndicatorPeriod(rs.getString(1), rs.getString(2)),
				new Object[] { indicatorIds.toArray(String[]::new) });
		Placements placements = placements();
		RecomputeScope scope = new RecomputeScope(indicators, dates, pairs, placements, structure);
		Map<String, Map<String, List<org.cocommission.outcomes.ValueRow>>> rows = new HashMap<>();
		if (pairs.isEmpty() || Remapped.moved(scope) == 0) {
			// Nothing sits elsewhere in that structure: the stored values are the re-mapped ones.
			return new Remapped(null, scope, Map.of());
		}
		SliceSums[] sums = read(scope, pairs);
		StandardisedBands bands = new StandardisedBands(jdbc, scope, pairs);
		Map<String, double[]> cuts = new HashMap<>();
		for (int slice = 0; slice < sums.length; slice++) {
			if (sums[slice] == null) {
				continue;
			}
			ValueWriter.Rows kept = SliceFinisher.finish(scope, slice, sums[slice], bands, true);
			String key = scope.indicatorOfSlice(slice).id() + " " + scope.periodOfSlice(slice);
			Map<String, List<org.cocommission.outcomes.ValueRow>> byLevel = rows.computeIfAbsent(key,
					k -> new HashMap<>());
			for (org.cocommission.outcomes.ValueRow row : kept.kept()) {
				String level = row.orgCode().equals(ENGLAND) ? "ENGLAND" : levelOf(placements, row.orgCode());
				byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(row);
			}
			byLevel.values().forEach(list -> list.sort(java.util.Comparator.comparing(
					org.cocommission.outcomes.ValueRow::orgCode)));
			for (String level : List.of("CCG", "ICB")) {
				if (kept.cuts(level) != null) {
					cuts.put(key + " " + level, kept.cuts(level));
				}
			}
		}
		return new Remapped(rows, scope, cuts);
	}

	private static String levelOf(Placements placements, String code) {
		if (placements.ccgs().find(code) >= 0) {
			return "CCG";
		}
		if (placements.icbs().find(code) >= 0) {
			return "ICB";
		}
		return placements.areas().find(code) >= 0 ? "AREA_TEAM" : "REGION";
	}

	/**
	 * Values re-mapped onto one structure: rows by "indicator period" and level (ENGLAND, REGION, AREA_TEAM, ICB,
	 * CCG), each list by code; CCG and ICB decile cut points by "indicator period level".
	 */
	public static final class Remapped implements org.cocommission.outcomes.read.OutcomesReadCache.Weighed {

		@Override
		public int weight() {
			return 1 + size() / 3;
		}


		private final Map<String, Map<String, List<org.cocommission.outcomes.ValueRow>>> rows;

		private final RecomputeScope scope;

		private final Map<String, double[]> ccgCuts;

		Remapped(Map<String, Map<String, List<org.cocommission.outcomes.ValueRow>>> rows, RecomputeScope scope,
				Map<String, double[]> ccgCuts) {
			this.rows = rows;
			this.scope = scope;
			this.ccgCuts = ccgCuts;
		}

		public List<org.cocommission.outcomes.ValueRow> rows(String indicatorId, String period, String level) {
			return rows == null ? List.of() : rows.getOrDefault(indicatorId + " " + period, Map.of()).getOrDefault(level, List.of());
		}

		public double[] ccgCuts(String indicatorId, String period) {
			return cuts(indicatorId, period, "CCG");
		}

		/** The decile cut points across a level's organisations ({@code CCG} or {@code ICB}), or null. */
		public double[] cuts(String indicatorId, String period, String level) {
			return ccgCuts.get(indicatorId + " " + period + " " + level);
		}

		/** The CCG a practice is placed in for the period in this structure, or null. */
		public String ccgOf(String period, String orgCode) {
			int p = scope.periods().find(period);
			int org = scope.placements().orgs().find(orgCode);
			if (p < 0 || org < 0) {
				return null;
			}
			int ccg = scope.day(p).ccgOf()[org];
			return ccg < 0 ? null : scope.placements().ccgs().code(ccg);
		}

		/** Whether every row is the stored one (nothing sits elsewhere in this structure): read those instead. */
		public boolean sameAsStored() {
			return rows == null;
		}

		/** How many organisations' places differ from the stored (as it was) values' in any period. */
		static int moved(RecomputeScope scope) {
			int moved = 0;
			for (int p = 0; p < scope.periods().size(); p++) {
				moved += scope.movedIn(p);
			}
			return moved;
		}

		/** Rows held, for the read cache. */
		public int size() {
			return rows == null ? 0
					: rows.values().stream().flatMap(levels -> levels.values().stream()).mapToInt(List::size).sum();
		}
	}

	/** Sums the observations of the scope: on parallel connections when nothing uncommitted needs to be seen. */
	private SliceSums[] read(RecomputeScope scope, List<IndicatorPeriod> pairs) {
		try {
			if (pairs == null && canReadElsewhere()) {
				return readInParallel(scope);
			}
			String where = pairs == null ? "true" : "indicator_id in (" + literals(pairs, IndicatorPeriod::indicatorId)
					+ ") and period in (" + literals(pairs, IndicatorPeriod::period) + ")";
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try {
				return new ObservationScan(scope).read(connection, where).sums();
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read outcomes observations", ex);
		}
	}

	/** Whether other connections see what this one sees: no transaction, or one that has written nothing yet. */
	private boolean canReadElsewhere() {
		return !TransactionSynchronizationManager.isActualTransactionActive()
				|| Boolean.TRUE.equals(jdbc.queryForObject("select pg_current_xact_id_if_assigned() is null", Boolean.class));
	}

	private SliceSums[] readInParallel(RecomputeScope scope) throws SQLException {
		long blocks = jdbc.queryForObject("select pg_total_relation_size('outcomes_slice')"
				+ " / current_setting('block_size')::bigint", Long.class);
		int readers = blocks < 1_000 ? 1 : READERS;
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		try {
			List<Future<SliceSums[]>> parts = new ArrayList<>();
			for (int reader = 0; reader < readers; reader++) {
				String where = readers == 1 ? "true"
						: "(hashtext(indicator_id || ' ' || period) & 2147483647) % " + readers + " = " + reader;
				parts.add(pool.submit(() -> {
					try (Connection connection = dataSource.getConnection()) {
						connection.setReadOnly(true);
						return new ObservationScan(scope).read(connection, where).sums();
					}
				}));
			}
			SliceSums[] merged = parts.get(0).get();
			for (int part = 1; part < parts.size(); part++) {
				SliceSums[] more = parts.get(part).get();
				for (int slice = 0; slice < merged.length; slice++) {
					if (more[slice] == null) {
						continue;
					}
					if (merged[slice] == null) {
						merged[slice] = more[slice];
					}
					else {
						merged[slice].merge(more[slice]);
					}
				}
			}
			return merged;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading outcomes observations", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Could not read outcomes observations", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String literals(List<IndicatorPeriod> pairs, Function<IndicatorPeriod, String> part) {
		return pairs.stream()
			.map(part)
			.distinct()
			.map(text -> "'" + text.replace("'", "''") + "'")
			.collect(Collectors.joining(","));
	}

	/** Stores the placements' fingerprint of each slice just written ({@link #recomputeWherePlacementsChanged}). */
	private void writeFingerprints(RecomputeScope scope, Map<String, LocalDate[]> dates, List<IndicatorPeriod> pairs,
			SliceSums[] sums) {
		if (pairs == null) {
			jdbc.execute("delete from outcomes_slice_placement");
		}
		else {
			jdbc.update("delete from outcomes_slice_placement t using unnest(?::varchar[], ?::varchar[]) p (indicator_id,"
					+ " period) where t.indicator_id = p.indicator_id and t.period = p.period",
					pairs.stream().map(IndicatorPeriod::indicatorId).toArray(String[]::new),
					pairs.stream().map(IndicatorPeriod::period).toArray(String[]::new));
		}
		List<String> indicatorIds = new ArrayList<>();
		List<String> periods = new ArrayList<>();
		List<Long> fingerprints = new ArrayList<>();
		Map<String, Long> byPeriod = new HashMap<>();
		for (int slice = 0; slice < sums.length; slice++) {
			if (sums[slice] == null || !scope.wanted(slice)) {
				continue;
			}
			String period = scope.periodOfSlice(slice);
			indicatorIds.add(scope.indicatorOfSlice(slice).id());
			periods.add(period);
			fingerprints.add(byPeriod.computeIfAbsent(period, p -> scope.placements()
				.fingerprint(dates.get(p)[0], dates.get(p)[1])));
		}
		jdbc.update("insert into outcomes_slice_placement (indicator_id, period, fingerprint)"
				+ " select * from unnest(?::varchar[], ?::varchar[], ?::bigint[])", indicatorIds.toArray(String[]::new),
				periods.toArray(String[]::new), fingerprints.toArray(Long[]::new));
	}

	/** Replaces the stored values of the scope's slices; returns the milliseconds spent in COPY. */
	private long write(RecomputeScope scope, List<IndicatorPeriod> pairs, List<ValueWriter.Rows> rows) {
		if (pairs == null) {
			// Every value is rewritten: loading the table bare and building its key once is faster than keeping it.
			jdbc.execute("truncate outcomes_value, outcomes_decile, outcomes_range");
			jdbc.execute("alter table outcomes_value drop constraint outcomes_value_pkey");
		}
		else {
			String[] indicatorIds = pairs.stream().map(IndicatorPeriod::indicatorId).toArray(String[]::new);
			String[] periods = pairs.stream().map(IndicatorPeriod::period).toArray(String[]::new);
			for (String table : List.of("outcomes_value", "outcomes_decile", "outcomes_range")) {
				jdbc.update("delete from " + table + " t using unnest(?::varchar[], ?::varchar[]) p (indicator_id, period)"
						+ " where t.indicator_id = p.indicator_id and t.period = p.period", indicatorIds, periods);
			}
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			ValueWriter writer = new ValueWriter(connection);
			writer.write(rows);
			if (pairs == null) {
				jdbc.execute("alter table outcomes_value add constraint outcomes_value_pkey"
						+ " primary key (indicator_id, period, level, org_code)");
			}
			// Fresh rows have no planner statistics; the pages read these tables next.
			jdbc.execute("analyze outcomes_value");
			jdbc.execute("analyze outcomes_decile");
			jdbc.execute("analyze outcomes_range");
			return writer.copyMillis();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write outcomes values", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
