package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.cocommission.finance.AllocationRuns;
import org.cocommission.finance.PaceOfChange;
import org.cocommission.finance.Programme;
import org.cocommission.finance.RunView;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes allocation runs and their per-CCG results; callers check access. */
@Component
public class AllocationRunStore {

	private static final String RUN_SELECT = "select r.*, f.name as formula_name from finance_run r"
			+ " join finance_formula f on f.id = r.formula_id";

	/** A finance_run row joined with its formula's name, as stored. */
	private record RunRow(long id, String name, int financialYear, String programme, long formulaId,
			String formulaName, LocalDate extractDate, BigDecimal envelope, BigDecimal specialisedEnvelope,
			BigDecimal minimumGrowth, BigDecimal maximumGrowth, BigDecimal gapClosure, BigDecimal overTargetFloor,
			String baselineSource, Long copiedFrom, String createdBy, OffsetDateTime createdAt, String publishedBy,
			OffsetDateTime publishedAt) {

		RunView view() {
			return new RunView(id, name, new FinancialYear(financialYear), Programme.valueOf(programme), formulaId,
					formulaName, extractDate, new Money(envelope), new Money(specialisedEnvelope),
					new PaceOfChange(minimumGrowth.stripTrailingZeros(), maximumGrowth.stripTrailingZeros(),
							gapClosure.stripTrailingZeros(), overTargetFloor.stripTrailingZeros()),
					baselineSource, copiedFrom, createdBy, createdAt.toInstant(), publishedBy,
					publishedAt == null ? null : publishedAt.toInstant());
		}
	}

	/** A finance_run_result row as stored. */
	private record ResultRow(String ccgCode, String ccgName, long rawPopulation, BigDecimal weightedPopulation,
			BigDecimal targetShare, BigDecimal target, BigDecimal baseline, BigDecimal allocation, long aged65Plus) {

		CcgResult result() {
			return new CcgResult(ccgCode, ccgName, rawPopulation, weightedPopulation, targetShare, new Money(target),
					new Money(baseline), new Money(allocation), aged65Plus);
		}
	}

	private final JdbcClient jdbc;

	/** Only for real batches (a row per CCG): JdbcClient has none. */
	private final JdbcTemplate batch;

	AllocationRunStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<RunView> find(long runId) {
		return jdbc.sql(RUN_SELECT + " where r.id = ?").param(runId).query(RunRow.class).optional().map(RunRow::view);
	}

	public List<RunView> list() {
		return jdbc.sql(RUN_SELECT + " order by r.financial_year desc, r.id desc").query(RunRow.class).list().stream().map(RunRow::view).toList();
	}

	public List<CcgResult> results(long runId) {
		return jdbc.sql("select ccg_code, ccg_name, raw_population, weighted_population, target_share, target, baseline,"
				+ " allocation, aged_65_plus as aged65plus from finance_run_result where run_id = ? order by ccg_code")
			.param(runId)
			.query(ResultRow.class)
			.list()
			.stream()
			.map(ResultRow::result)
			.toList();
	}

	/**
	 * One batch (JdbcTemplate: JdbcClient has none): a run's results are written whole or, with the surrounding
	 * transaction, not at all.
	 */
	public void insertResults(long runId, List<CcgResult> results) {
		batch.batchUpdate("""
				insert into finance_run_result (run_id, ccg_code, ccg_name, raw_population, weighted_population,
				  target_share, target, baseline, allocation, aged_65_plus) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", results.stream()
			.map(r -> new Object[] { runId, r.ccgCode(), r.ccgName(), r.rawPopulation(), r.weightedPopulation(),
					r.targetShare(), r.target().pounds(), r.baseline().pounds(), r.allocation().pounds(), r.aged65Plus() })
			.toList());
	}

	/** Replaces a year's imported baseline for a programme. */
	public long baselineSize(FinancialYear year, Programme programme) {
		return jdbc.sql("select count(*) from finance_baseline where financial_year = ? and programme = ?")
			.params(year.startYear(), programme.name())
			.query(Long.class)
			.single();
	}

	public void insertBaseline(FinancialYear year, Programme programme, List<AllocationRuns.BaselineRow> rows) {
		jdbc.sql("delete from finance_baseline where financial_year = ? and programme = ?")
			.params(year.startYear(), programme.name())
			.update();
		// A real batch, one row a CCG: JdbcTemplate, as JdbcClient has no batch.
		batch.batchUpdate("insert into finance_baseline (financial_year, programme, ccg_code, allocation) values (?, ?, ?, ?)",
				rows.stream()
					.map(row -> new Object[] { year.startYear(), programme.name(), row.ccgCode(), row.allocation().pounds() })
					.toList());
	}

	public void deleteResults(long runId) {
		jdbc.sql("delete from finance_run_result where run_id = ?").param(runId).update();
	}

	/** The latest published run for a year and programme: its allocations are that year's indicative budgets. */
	public Optional<RunView> publishedRun(FinancialYear year, Programme programme) {
		return jdbc.sql(RUN_SELECT + " where r.financial_year = ? and r.programme = ? and r.published_at is not null"
				+ " order by r.published_at desc, r.id desc limit 1")
			.params(year.startYear(), programme.name())
			.query(RunRow.class)
			.optional()
			.map(RunRow::view);
	}

	public List<FinancialYear> publishedYears() {
		return jdbc.sql("select distinct financial_year from finance_run where published_at is not null"
				+ " order by financial_year desc")
			.query(Integer.class)
			.list()
			.stream()
			.map(FinancialYear::new)
			.toList();
	}

	/** Marks a run published unless someone already has; false when they had. */
	public boolean markPublished(long runId, String username) {
		return jdbc.sql("update finance_run set published_by = ?, published_at = now() where id = ? and published_at is null")
			.params(username, runId)
			.update() == 1;
	}
}
