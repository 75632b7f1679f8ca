package org.cocommission.qualitypremium.runs;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;
import org.cocommission.qualitypremium.RunSummary;

/** Result runs in their tables: the run (scheme as computed, inputs hash, totals) and one row per CCG. */
@Repository
public class RunStore {

	/** What a run stores for one CCG: its figures, and its inputs and award as JSON so it can be explained and redone. */
	public record StoredResult(String ccgCode, String ccgName, Award award, String inputsJson, String awardJson) {
	}

	/** One CCG's stored JSON as read back: its name, inputs, award and the run's scheme. */
	public record StoredJson(String ccgCode, String ccgName, String inputs, String explanation, String scheme) {
	}

	private static final String RUN_SELECT = """
			select r.*, (select count(*) from qp_run_result x where x.run_id = r.id) as ccgs,
			  (select count(*) from qp_run_result x where x.run_id = r.id and x.final_award = 0) as nothing,
			  (select coalesce(max(percent_of_max), 0) from qp_run_result x where x.run_id = r.id) as best,
			  (select count(*) from qp_run_result x where x.run_id = r.id and x.not_assessed > 0) as incomplete
			from qp_run r
			""";

	/** A qp_run row with its results counted, as stored. */
	private record RunRow(long id, int financialYear, String status, String computedBy, OffsetDateTime computedAt,
			String publishedBy, OffsetDateTime publishedAt, String inputsSha256, LocalDate populationDate,
			BigDecimal totalMaximum, BigDecimal totalPaid, int ccgs, int nothing, BigDecimal best, int incomplete,
			String publishOverride) {

		RunSummary summary() {
			return new RunSummary(id, new FinancialYear(financialYear), status, computedBy, computedAt.toInstant(),
					publishedBy, publishedAt == null ? null : publishedAt.toInstant(), inputsSha256, populationDate,
					new Money(totalMaximum), new Money(totalPaid), ccgs, nothing, best, incomplete, publishOverride);
		}
	}

	/** A qp_run_result row's figures, as stored. */
	private record ResultRow(String ccgCode, String ccgName, long population, BigDecimal maximum, BigDecimal earned,
			BigDecimal reduction, BigDecimal finalAward, BigDecimal percentOfMax, boolean gatewaysPassed,
			int standardsMissed, int notAssessed) {

		CcgResultRow row() {
			return new CcgResultRow(ccgCode, ccgName, population, new Money(maximum), new Money(earned),
					new Money(reduction), new Money(finalAward), percentOfMax, gatewaysPassed, standardsMissed, notAssessed);
		}
	}

	private static final int[] RESULT_TYPES = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.NUMERIC,
			Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.BOOLEAN, Types.INTEGER, Types.INTEGER,
			Types.VARCHAR, Types.VARCHAR };

	private final JdbcClient jdbc;

	/** Only for the real batch of a run's results (a row per CCG): JdbcClient has none. */
	private final JdbcTemplate batch;

	RunStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public long insert(FinancialYear year, String actor, String inputsSha256, String schemeJson, LocalDate populationDate,
			Money totalMaximum, Money totalPaid, List<StoredResult> results) {
		long runId = jdbc.sql("insert into qp_run (financial_year, status, computed_by, inputs_sha256, scheme,"
				+ " population_date, total_maximum, total_paid) values (?, 'COMPUTED', ?, ?, cast(? as jsonb), ?, ?, ?)"
				+ " returning id")
			.params(year.startYear(), actor, inputsSha256, schemeJson, populationDate, totalMaximum.pounds(),
					totalPaid.pounds())
			.query(Long.class)
			.single();
		batch.batchUpdate("""
				insert into qp_run_result (run_id, ccg_code, ccg_name, population, maximum, earned, reduction, final_award,
				  percent_of_max, gateways_passed, standards_missed, not_assessed, inputs, explanation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
				""", results.stream().map(r -> new Object[] { runId, r.ccgCode(), r.ccgName(), r.award().population(),
				r.award().maximum().pounds(), r.award().earned().pounds(), r.award().reduction().pounds(),
				r.award().finalAward().pounds(), r.award().percentOfMaximum(), r.award().gatewaysPassed(),
				r.award().standardsMissed(), r.award().notAssessed().size(), r.inputsJson(), r.awardJson() }).toList(), RESULT_TYPES);
		return runId;
	}

	/**
	 * Marks the run published and any run of the same year published before it superseded; {@code override}: the
	 * reason given for publishing a run with inputs not assessed (null when none was needed).
	 */
	public void publish(RunSummary run, String actor, String override) {
		jdbc.sql("update qp_run set status = 'SUPERSEDED' where financial_year = ? and status = 'PUBLISHED'")
			.param(run.year().startYear())
			.update();
		jdbc.sql("update qp_run set status = 'PUBLISHED', published_by = ?, published_at = now(), publish_override = ?"
				+ " where id = ?")
			.params(actor, override, run.id())
			.update();
	}

	public Optional<RunSummary> find(long runId) {
		return jdbc.sql(RUN_SELECT + " where r.id = ?").param(runId).query(RunRow.class).optional().map(RunRow::summary);
	}

	public List<RunSummary> all() {
		return jdbc.sql(RUN_SELECT + " order by r.id desc").query(RunRow.class).list().stream().map(RunRow::summary).toList();
	}

	public Optional<RunSummary> published(FinancialYear year) {
		return jdbc.sql(RUN_SELECT + " where r.financial_year = ? and r.status = 'PUBLISHED'").param(year.startYear())
			.query(RunRow.class)
			.optional()
			.map(RunRow::summary);
	}

	/** Every CCG's line of a run, best award first, or by code. */
	public List<CcgResultRow> rows(long runId, boolean byCode) {
		String order = byCode ? "ccg_code" : "percent_of_max desc, ccg_code";
		return jdbc.sql("select * from qp_run_result where run_id = ? order by " + order).param(runId)
			.query(ResultRow.class)
			.list()
			.stream()
			.map(ResultRow::row)
			.toList();
	}

	/** The scheme a run was computed under, as JSON. */
	public String schemeJson(long runId) {
		return jdbc.sql("select scheme from qp_run where id = ?").param(runId).query(String.class).single();
	}

	public List<String> ccgCodes(long runId) {
		return jdbc.sql("select ccg_code from qp_run_result where run_id = ? order by ccg_code").param(runId)
			.query(String.class)
			.list();
	}

	public Optional<StoredJson> json(long runId, String ccgCode) {
		return jdbc.sql("select r.ccg_code, r.ccg_name, r.inputs, r.explanation, q.scheme from qp_run_result r"
				+ " join qp_run q on q.id = r.run_id where r.run_id = ? and r.ccg_code = ?")
			.params(runId, ccgCode)
			.query(StoredJson.class)
			.optional();
	}

	public List<StoredJson> allJson(long runId) {
		return jdbc.sql("select r.ccg_code, r.ccg_name, r.inputs, r.explanation, q.scheme from qp_run_result r"
				+ " join qp_run q on q.id = r.run_id where r.run_id = ? order by r.ccg_code")
			.param(runId)
			.query(StoredJson.class)
			.list();
	}
}
