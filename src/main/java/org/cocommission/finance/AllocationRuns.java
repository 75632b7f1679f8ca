package org.cocommission.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.directory.PopulationQueries.CcgPopulation;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation runs: each computes every CCG's target and recommended allocation for a year and programme in one
 * transaction (a refused or failed run stores nothing); scenarios copy a run with changed parameters; publishing a
 * run makes its allocations the CCGs' indicative budgets.
 */
@Service
@Transactional
public class AllocationRuns {

	/** Last year's allocation for one CCG, when imported for the first year. */
	public record BaselineRow(String ccgCode, Money allocation) {

		public BaselineRow {
			if (ccgCode == null || ccgCode.isBlank() || allocation == null || allocation.signum() <= 0) {
				throw new IllegalArgumentException("A baseline row needs a CCG code and a positive allocation");
			}
		}
	}

	/** What a scenario changes in a copied run; null keeps the source run's value. */
	public record ScenarioChanges(String name, Money envelope, PaceOfChange pace) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final FinanceFormulas formulas;

	private final PopulationQueries populations;

	AllocationRuns(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, FinanceFormulas formulas,
			PopulationQueries populations) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.formulas = formulas;
		this.populations = populations;
	}

	/** Whether any formula exists yet: the demo loads its data only into an empty finance module. */
	@Transactional(readOnly = true)
	public boolean hasAnyData() {
		return jdbc.sql("select exists (select 1 from finance_formula)").query(Boolean.class).single();
	}

	public int importBaseline(FinancialYear year, Programme programme, List<BaselineRow> rows) {
		access.checkNational();
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("The baseline has no rows");
		}
		jdbc.sql("delete from finance_baseline where financial_year = ? and programme = ?")
			.params(year.startYear(), programme.name())
			.update();
		for (BaselineRow row : rows) {
			jdbc.sql("insert into finance_baseline (financial_year, programme, ccg_code, allocation) values (?, ?, ?, ?)")
				.params(year.startYear(), programme.name(), row.ccgCode(), row.allocation().pounds())
				.update();
		}
		audit.record(new AuditEntry("FINANCE_BASELINE_IMPORTED", "finance_baseline", year + " " + programme, null, null,
				Map.of("rows", rows.size(), "total", rows.stream().map(BaselineRow::allocation).reduce(Money.ZERO,
						Money::plus).toString())));
		return rows.size();
	}

	/** Target shares for a formula and extract, before any run: what a first-year baseline can be derived from. */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> targetShares(long formulaId, Programme programme, LocalDate extract) {
		access.checkNational();
		FormulaView formula = formulas.load(formulaId);
		List<WeightedCapitation.Input> inputs = inputs(formula, populations.ccgPopulations(extract), code -> Money.ofPounds(1));
		if (inputs.isEmpty()) {
			throw new IllegalArgumentException("There are no registered lists by age and sex at " + extract);
		}
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		BigDecimal[] weighted = WeightedCapitation.weigh(inputs, formula.costCurve(), formula.inequalitiesShare(programme))
			.shares();
		for (int i = 0; i < inputs.size(); i++) {
			shares.put(inputs.get(i).ccgCode(), weighted[i]);
		}
		return shares;
	}

	public RunView create(RunRequest request) {
		return create(request, null);
	}

	/** Copies a run with changed parameters (a scenario) and computes it. */
	public RunView scenario(long sourceRunId, ScenarioChanges changes) {
		RunView source = get(sourceRunId);
		RunRequest request = new RunRequest(
				changes.name() == null || changes.name().isBlank() ? source.name() + " (scenario)" : changes.name(),
				source.year(), source.programme(), source.formulaId(), source.extractDate(),
				changes.envelope() == null ? source.envelope() : changes.envelope(), source.specialisedEnvelope(),
				changes.pace() == null ? source.pace() : changes.pace());
		return create(request, sourceRunId);
	}

	/** Computes the run again from its stored parameters; the same inputs give the same results. */
	public RunView rerun(long runId) {
		access.checkNational();
		RunView run = get(runId);
		if (run.published()) {
			throw new IllegalArgumentException("Run " + runId + " is published as indicative budgets: make a scenario instead");
		}
		List<CcgResult> before = results(runId);
		List<CcgResult> after = compute(run.formulaId(), run.year(), run.programme(), run.extractDate(), run.envelope(),
				run.pace()).results();
		jdbc.sql("delete from finance_run_result where run_id = ?").param(runId).update();
		insertResults(runId, after);
		audit.record(new AuditEntry("FINANCE_RUN_RECOMPUTED", "finance_run", String.valueOf(runId), null,
				Map.of("unchanged", before.equals(after)), Map.of("ccgs", after.size())));
		return run;
	}

	private RunView create(RunRequest request, Long copiedFrom) {
		access.checkNational();
		FormulaView formula = formulas.load(request.formulaId());
		if (formula.status() != FormulaStatus.PUBLISHED) {
			throw new IllegalArgumentException("Formula '" + formula.name() + "' is a draft: publish it before running");
		}
		if (formula.effectiveYear().compareTo(request.year()) > 0) {
			throw new IllegalArgumentException("Formula '" + formula.name() + "' takes effect in " + formula.effectiveYear()
					+ ", after " + request.year());
		}
		LocalDate extract = request.extractDate() != null ? request.extractDate() : latestExtractFor(request.year());
		Computed computed = compute(formula.id(), request.year(), request.programme(), extract, request.envelope(),
				request.pace());
		long id = jdbc.sql("""
				insert into finance_run (name, financial_year, programme, formula_id, extract_date, envelope,
				  specialised_envelope, minimum_growth, maximum_growth, gap_closure, over_target_floor, baseline_source,
				  copied_from, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(request.name().trim(), request.year().startYear(), request.programme().name(), formula.id(), extract,
					request.envelope().pounds(), request.specialisedEnvelope().pounds(), request.pace().minimumGrowth(),
					request.pace().maximumGrowth(), request.pace().gapClosure(), request.pace().overTargetFloor(),
					computed.baselineSource(), copiedFrom, access.requireUser().username())
			.query(Long.class)
			.single();
		insertResults(id, computed.results());
		RunView run = get(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", run.name());
		after.put("year", run.year().toString());
		after.put("programme", run.programme().name());
		after.put("envelope", run.envelope().toString());
		after.put("pace", run.pace());
		after.put("ccgs", computed.results().size());
		after.put("copiedFrom", copiedFrom);
		audit.record(new AuditEntry("FINANCE_RUN_CREATED", "finance_run", String.valueOf(id), null, null, after));
		return run;
	}

	private record Computed(List<CcgResult> results, String baselineSource) {
	}

	private Computed compute(long formulaId, FinancialYear year, Programme programme, LocalDate extract, Money envelope,
			PaceOfChange pace) {
		FormulaView formula = formulas.load(formulaId);
		List<CcgPopulation> ccgs = populations.ccgPopulations(extract);
		if (ccgs.isEmpty()) {
			throw new IllegalArgumentException("There are no registered lists by age and sex at " + extract
					+ ": import registered patients first");
		}
		Baseline baseline = baseline(year.previous(), programme);
		List<WeightedCapitation.Input> inputs = inputs(formula, ccgs, code -> baseline.amounts().get(code));
		List<CcgResult> results = WeightedCapitation
			.allocate(inputs, formula.costCurve(), formula.inequalitiesShare(programme), envelope, pace)
			.stream()
			.map(out -> new CcgResult(out.ccgCode(), out.ccgName(), out.rawPopulation(), out.weightedPopulation(),
					out.targetShare(), out.target(), out.baseline(), out.allocation()))
			.toList();
		return new Computed(results, baseline.source());
	}

	private static List<WeightedCapitation.Input> inputs(FormulaView formula, List<CcgPopulation> ccgs,
			Function<String, Money> baseline) {
		Map<String, CcgFactor> factors = formula.ccgFactors().stream()
			.collect(Collectors.toMap(CcgFactor::ccgCode, Function.identity()));
		return ccgs.stream()
			.filter(ccg -> ccg.total() > 0)
			.map(ccg -> new WeightedCapitation.Input(ccg.ccgCode(), ccg.ccgName(), ccg.counts(),
					factors.getOrDefault(ccg.ccgCode(), CcgFactor.average(ccg.ccgCode())), baseline.apply(ccg.ccgCode())))
			.toList();
	}

	private record Baseline(Map<String, Money> amounts, String source) {
	}

	/** Last year's published run for the programme; for the first year, the imported baseline. */
	private Baseline baseline(FinancialYear previous, Programme programme) {
		Optional<Long> run = publishedRun(previous, programme);
		if (run.isPresent()) {
			Map<String, Money> amounts = new HashMap<>();
			results(run.get()).forEach(result -> amounts.put(result.ccgCode(), result.allocation()));
			return new Baseline(amounts, "Published run " + run.get() + " for " + previous);
		}
		Map<String, Money> amounts = new HashMap<>();
		jdbc.sql("select ccg_code, allocation from finance_baseline where financial_year = ? and programme = ?")
			.params(previous.startYear(), programme.name())
			.query((ResultSet rs) -> {
				amounts.put(rs.getString("ccg_code"), new Money(rs.getBigDecimal("allocation")));
			});
		if (amounts.isEmpty()) {
			throw new IllegalArgumentException("There is no baseline for " + previous + " (" + programme.label()
					+ "): publish a run for " + previous + " or import last year's allocations");
		}
		return new Baseline(amounts, "Imported " + previous + " allocations");
	}

	private LocalDate latestExtractFor(FinancialYear year) {
		return populations.extractDates()
			.stream()
			.filter(date -> !date.isAfter(year.firstDay()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalArgumentException("There are no registered lists by age and sex on or before "
					+ year.firstDay() + " for " + year + ": import registered patients first"));
	}

	private void insertResults(long runId, List<CcgResult> results) {
		for (CcgResult r : results) {
			jdbc.sql("""
					insert into finance_run_result (run_id, ccg_code, ccg_name, raw_population, weighted_population,
					  target_share, target, baseline, allocation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(runId, r.ccgCode(), r.ccgName(), r.rawPopulation(), r.weightedPopulation(), r.targetShare(),
						r.target().pounds(), r.baseline().pounds(), r.allocation().pounds())
				.update();
		}
	}

	/** Publishes a run's allocations as the indicative budgets of its year and programme (replacing earlier ones). */
	public RunView publish(long runId) {
		access.checkNational();
		RunView before = get(runId);
		if (before.published()) {
			throw new IllegalArgumentException("Run " + runId + " is already published");
		}
		int updated = jdbc.sql("update finance_run set published_by = ?, published_at = now()"
				+ " where id = ? and published_at is null")
			.params(access.requireUser().username(), runId)
			.update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"Run " + runId + " was published by someone else meanwhile");
		}
		RunView after = get(runId);
		audit.record(new AuditEntry("FINANCE_BUDGETS_PUBLISHED", "finance_run", String.valueOf(runId), null,
				Map.of("published", false), Map.of("published", true, "year", after.year().toString(), "programme",
						after.programme().name(), "envelope", after.envelope().toString())));
		return after;
	}

	@Transactional(readOnly = true)
	public List<RunView> list() {
		access.checkNational();
		return jdbc.sql(RUN_SELECT + " order by r.financial_year desc, r.id desc").query((rs, row) -> run(rs)).list();
	}

	@Transactional(readOnly = true)
	public RunView get(long runId) {
		access.checkNational();
		return jdbc.sql(RUN_SELECT + " where r.id = ?")
			.param(runId)
			.query((rs, row) -> run(rs))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No allocation run " + runId));
	}

	@Transactional(readOnly = true)
	public List<CcgResult> results(long runId) {
		return jdbc.sql("select * from finance_run_result where run_id = ? order by ccg_code")
			.param(runId)
			.query((rs, row) -> result(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public RunComparison compare(long firstRunId, long secondRunId) {
		RunView first = get(firstRunId);
		RunView second = get(secondRunId);
		Map<String, CcgResult> secondResults = results(secondRunId).stream()
			.collect(Collectors.toMap(CcgResult::ccgCode, Function.identity()));
		List<RunComparison.Line> lines = new ArrayList<>();
		for (CcgResult a : results(firstRunId)) {
			CcgResult b = secondResults.get(a.ccgCode());
			if (b != null) {
				lines.add(new RunComparison.Line(a.ccgCode(), a.ccgName(), a.allocation(), b.allocation(),
						a.distancePercent(), b.distancePercent()));
			}
		}
		return new RunComparison(first, second, lines);
	}

	/** The financial years that have published indicative budgets, newest first. */
	@Transactional(readOnly = true)
	public List<FinancialYear> budgetYears() {
		access.requireUser();
		return jdbc.sql("select distinct financial_year from finance_run where published_at is not null"
				+ " order by financial_year desc")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/** Indicative budgets the signed-in user may see: national all, an area team its CCGs, a CCG its own. */
	@Transactional(readOnly = true)
	public List<IndicativeBudget> budgets(FinancialYear year) {
		var user = access.requireUser();
		List<IndicativeBudget> budgets = new ArrayList<>();
		for (Programme programme : Programme.values()) {
			Optional<Long> runId = publishedRun(year, programme);
			if (runId.isEmpty()) {
				continue;
			}
			Publication publication = publication(runId.get());
			for (CcgResult result : results(runId.get())) {
				if (user.isNational() || access.canSee(user, result.ccgCode())) {
					budgets.add(new IndicativeBudget(year, programme, runId.get(), publication.publishedAt(), result));
				}
			}
		}
		return budgets;
	}

	/** One CCG's published budgets for a year; refused (403) outside the user's scope. */
	@Transactional(readOnly = true)
	public List<IndicativeBudget> budgetsOf(String ccgCode, FinancialYear year) {
		access.checkCanSee(ccgCode);
		List<IndicativeBudget> budgets = new ArrayList<>();
		for (Programme programme : Programme.values()) {
			publishedRun(year, programme).ifPresent(runId -> results(runId).stream()
				.filter(result -> result.ccgCode().equals(ccgCode))
				.findFirst()
				.ifPresent(result -> budgets
					.add(new IndicativeBudget(year, programme, runId, publication(runId).publishedAt(), result))));
		}
		if (budgets.isEmpty()) {
			throw new NoSuchElementException("No indicative budget is published for " + ccgCode + " in " + year);
		}
		return budgets;
	}

	/**
	 * Spend per head for the CCG's population against England and its peers. Specialised services are held
	 * nationally; they are attributed to CCGs by weighted population to show what the population costs.
	 */
	@Transactional(readOnly = true)
	public PopulationView populationView(String ccgCode, FinancialYear year) {
		access.checkCanSee(ccgCode);
		Optional<Long> coreRun = publishedRun(year, Programme.CORE_CCG);
		Optional<Long> primaryRun = publishedRun(year, Programme.PRIMARY_CARE_MEDICAL);
		Long anyRun = coreRun.orElse(primaryRun.orElse(null));
		if (anyRun == null) {
			throw new NoSuchElementException("No indicative budget is published for " + year);
		}
		List<CcgResult> reference = results(anyRun);
		CcgResult own = reference.stream().filter(r -> r.ccgCode().equals(ccgCode)).findFirst()
			.orElseThrow(() -> new NoSuchElementException("No indicative budget is published for " + ccgCode + " in " + year));
		List<String> peers = peers(own, reference);
		List<PopulationView.Line> lines = new ArrayList<>();
		lines.add(line("Primary care medical", primaryRun.map(this::results).orElse(null), ccgCode, peers, null));
		lines.add(line("Local hospital and community services (core CCG)", coreRun.map(this::results).orElse(null),
				ccgCode, peers, null));
		Money specialised = jdbc.sql("select specialised_envelope from finance_run where id = ?")
			.param(anyRun)
			.query((rs, row) -> new Money(rs.getBigDecimal(1)))
			.single();
		lines.add(line("Specialised services (held nationally)", reference, ccgCode, peers, specialised));
		return new PopulationView(ccgCode, own.ccgName(), year, lines, peers);
	}

	/** The five CCGs of most similar weighted population per head, until the outcomes capability defines peer groups. */
	private static List<String> peers(CcgResult own, List<CcgResult> all) {
		BigDecimal ownIndex = needPerHead(own);
		return all.stream()
			.filter(r -> !r.ccgCode().equals(own.ccgCode()))
			.sorted(Comparator.comparing((CcgResult r) -> needPerHead(r).subtract(ownIndex).abs())
				.thenComparing(CcgResult::ccgCode))
			.limit(5)
			.map(CcgResult::ccgCode)
			.toList();
	}

	private static BigDecimal needPerHead(CcgResult r) {
		return r.weightedPopulation().divide(BigDecimal.valueOf(Math.max(1, r.rawPopulation())), 8, RoundingMode.HALF_UP);
	}

	/** Per head of raw population; with {@code attributed}, that amount shared by weighted population instead. */
	private static PopulationView.Line line(String service, List<CcgResult> results, String ccgCode, List<String> peers,
			Money attributed) {
		if (results == null) {
			return new PopulationView.Line(service, null, null, null);
		}
		BigDecimal totalWeighted = results.stream().map(CcgResult::weightedPopulation).reduce(BigDecimal.ZERO, BigDecimal::add);
		Function<CcgResult, BigDecimal> amount = attributed == null ? r -> r.allocation().pounds()
				: r -> attributed.pounds().multiply(r.weightedPopulation()).divide(totalWeighted, 10, RoundingMode.HALF_UP);
		return new PopulationView.Line(service,
				perHead(results.stream().filter(r -> r.ccgCode().equals(ccgCode)).toList(), amount),
				perHead(results, amount),
				perHead(results.stream().filter(r -> peers.contains(r.ccgCode())).toList(), amount));
	}

	private static Money perHead(List<CcgResult> results, Function<CcgResult, BigDecimal> amount) {
		long people = results.stream().mapToLong(CcgResult::rawPopulation).sum();
		if (people == 0) {
			return null;
		}
		BigDecimal total = results.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Money(total.divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP));
	}

	private Optional<Long> publishedRun(FinancialYear year, Programme programme) {
		return jdbc.sql("select id from finance_run where financial_year = ? and programme = ? and published_at is not null"
				+ " order by published_at desc, id desc limit 1")
			.params(year.startYear(), programme.name())
			.query(Long.class)
			.optional();
	}

	private record Publication(java.time.Instant publishedAt) {
	}

	private Publication publication(long runId) {
		return jdbc.sql("select published_at from finance_run where id = ?")
			.param(runId)
			.query((rs, row) -> new Publication(rs.getTimestamp(1).toInstant()))
			.single();
	}

	private static final String RUN_SELECT = "select r.*, f.name as formula_name from finance_run r"
			+ " join finance_formula f on f.id = r.formula_id";

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
				rs.getTimestamp("created_at").toInstant(), rs.getString("published_by"),
				rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant());
	}

	private static CcgResult result(ResultSet rs) throws SQLException {
		return new CcgResult(rs.getString("ccg_code"), rs.getString("ccg_name"), rs.getLong("raw_population"),
				rs.getBigDecimal("weighted_population"), rs.getBigDecimal("target_share"),
				new Money(rs.getBigDecimal("target")), new Money(rs.getBigDecimal("baseline")),
				new Money(rs.getBigDecimal("allocation")));
	}
}
