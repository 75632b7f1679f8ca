package org.cocommission.finance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes allocation runs and their per-CCG results; callers check access. */
@Component
class AllocationRunStore {

	private static final String RUN_SELECT = "select r.*, f.name as formula_name from finance_run r"
			+ " join finance_formula f on f.id = r.formula_id";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	AllocationRunStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<RunView> find(long runId) {
		return jdbc.sql(RUN_SELECT + " where r.id = ?").param(runId).query((rs, row) -> run(rs)).optional();
	}

	List<RunView> list() {
		return jdbc.sql(RUN_SELECT + " order by r.financial_year desc, r.id desc").query((rs, row) -> run(rs)).list();
	}

	List<CcgResult> results(long runId) {
		return jdbc.sql("select * from finance_run_result where run_id = ? order by ccg_code")
			.param(runId)
			.query((rs, row) -> result(rs))
			.list();
	}

	/** One batch: a run's results are written whole or, with the surrounding transaction, not at all. */
	void insertResults(long runId, List<CcgResult> results) {
		batch.batchUpdate("""
				insert into finance_run_result (run_id, ccg_code, ccg_name, raw_population, weighted_population,
				  target_share, target, baseline, allocation, aged_65_plus) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", results.stream()
			.map(r -> new Object[] { runId, r.ccgCode(), r.ccgName(), r.rawPopulation(), r.weightedPopulation(),
					r.targetShare(), r.target().pounds(), r.baseline().pounds(), r.allocation().pounds(), r.aged65Plus() })
			.toList());
	}

	/** Replaces a year's imported baseline for a programme. */
	void insertBaseline(FinancialYear year, Programme programme, List<AllocationRuns.BaselineRow> rows) {
		jdbc.sql("delete from finance_baseline where financial_year = ? and programme = ?")
			.params(year.startYear(), programme.name())
			.update();
		batch.batchUpdate("insert into finance_baseline (financial_year, programme, ccg_code, allocation) values (?, ?, ?, ?)",
				rows.stream()
					.map(row -> new Object[] { year.startYear(), programme.name(), row.ccgCode(), row.allocation().pounds() })
					.toList());
	}

	void deleteResults(long runId) {
		jdbc.sql("delete from finance_run_result where run_id = ?").param(runId).update();
	}

	/** The latest published run for a year and programme: its allocations are that year's indicative budgets. */
	Optional<RunView> publishedRun(FinancialYear year, Programme programme) {
		return jdbc.sql(RUN_SELECT + " where r.financial_year = ? and r.programme = ? and r.published_at is not null"
				+ " order by r.published_at desc, r.id desc limit 1")
			.params(year.startYear(), programme.name())
			.query((rs, row) -> run(rs))
			.optional();
	}

	List<FinancialYear> publishedYears() {
		return jdbc.sql("select distinct financial_year from finance_run where published_at is not null"
				+ " order by financial_year desc")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/** Marks a run published unless someone already has; false when they had. */
	boolean markPublished(long runId, String username) {
		return jdbc.sql("update finance_run set published_by = ?, published_at = now() where id = ? and published_at is null")
			.params(username, runId)
			.update() == 1;
	}

	private static RunView run(ResultSet rs) throws SQLException {
		return new RunView(rs.getLong("id"), rs.getString("name"), new FinancialYear(rs.getInt("financial_year")),
				Programme.valueOf(rs.getString("programme")), rs.getLong("formula_id"), rs.getString("formula_name"),
				rs.getDate("extract_date").toLocalDate(), new Money(rs.getBigDecimal("envelope")),
				new Money(rs.getBigDecimal("specialised_envelope")),
				new PaceOfChange(rs.getBigDecimal("minimum_growth").stripTrailingZeros(),
						rs.getBigDecimal("maximum_growth").stripTrailingZeros(),
						rs.getBigDecimal("gap_closure").stripTrailingZeros(),
						rs.getBigDecimal("over_target_floor").stripTrailingZeros()),
				rs.getString("baseline_source"), (Long) rs.getObject("copied_from"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("published_by"), instant(rs, "published_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column) == null ? null : rs.getTimestamp(column).toInstant();
	}

	private static CcgResult result(ResultSet rs) throws SQLException {
		return new CcgResult(rs.getString("ccg_code"), rs.getString("ccg_name"), rs.getLong("raw_population"),
				rs.getBigDecimal("weighted_population"), rs.getBigDecimal("target_share"),
				new Money(rs.getBigDecimal("target")), new Money(rs.getBigDecimal("baseline")),
				new Money(rs.getBigDecimal("allocation")), rs.getLong("aged_65_plus"));
	}
}
