package org.cocommission.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PopulationQueries.CcgPopulation;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.allocations.AllocationRunStore;
import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.finance.allocations.RunComparison;
import org.cocommission.finance.allocations.RunForm;
import org.cocommission.finance.formulas.WeightedCapitation;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
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

	/** Each programme's target share per CCG, and the registered patients they were computed on. */
	public record TargetShares(long registeredPopulation, Map<Programme, Map<String, BigDecimal>> byProgramme) {
	}

	/** A run computed again, and whether every CCG's target and allocation came out the same to the penny. */
	public record Recomputed(RunView run, boolean unchanged) {
	}

	/** What a scenario changes in a copied run; null keeps the source run's value. */
	public record ScenarioChanges(String name, Money envelope, PaceOfChange pace) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final FinanceFormulas formulas;

	private final PopulationQueries populations;

	private final AllocationRunStore store;

	private final ApplicationEventPublisher events;

	private final Directory directory;

	AllocationRuns(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, FinanceFormulas formulas,
			PopulationQueries populations, AllocationRunStore store, ApplicationEventPublisher events,
			Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.store = store;
		this.events = events;
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
		return importBaseline(year, programme, rows, false);
	}

	/**
	 * Imports last year's allocations, replacing any baseline stored for the year and programme. Every row must name a
	 * CCG the directory knows; a baseline with fewer CCGs than the stored one is refused unless
	 * {@code replaceWithFewer} says that is meant (docs/domain-rules.md#input-every-request-follows).
	 */
	public int importBaseline(FinancialYear year, Programme programme, List<BaselineRow> rows,
			boolean replaceWithFewer) {
		access.checkNational();
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("The baseline has no rows");
		}
		if (rows.stream().map(BaselineRow::ccgCode).distinct().count() != rows.size()) {
			throw new IllegalArgumentException("The baseline lists a CCG more than once");
		}
		Map<String, OrganisationRef> known = directory.refs(rows.stream().map(BaselineRow::ccgCode).toList());
		Map<String, String> unknown = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			OrganisationRef ccg = known.get(rows.get(i).ccgCode());
			if (ccg == null || ccg.type() != OrganisationType.CCG) {
				unknown.put("[" + i + "].ccgCode", "Row " + (i + 1) + ": '" + rows.get(i).ccgCode()
						+ "' is not a CCG in the directory");
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException(unknown);
		}
		long stored = store.baselineSize(year, programme);
		if (rows.size() < stored && !replaceWithFewer) {
			throw new InvalidInputException("replaceWithFewer", "The stored " + year + " baseline has " + stored
					+ " CCGs and this one " + rows.size() + ": to replace it with fewer CCGs, say so with"
					+ " replaceWithFewer=true");
		}
		store.insertBaseline(year, programme, rows);
		audit.record(new AuditEntry("FINANCE_BASELINE_IMPORTED", "finance_baseline", year + " " + programme, null, null,
				new BaselineImported(rows.size(), rows.stream().map(BaselineRow::allocation).reduce(Money.ZERO,
						Money::plus).toString())));
		return rows.size();
	}

	/**
	 * Target shares per programme for a formula and extract, before any run: what a first-year baseline can be
	 * derived from.
	 */
	@Transactional(readOnly = true)
	public TargetShares targetShares(long formulaId, LocalDate extract) {
		access.checkNational();
		FormulaView formula = formulas.load(formulaId);
		List<WeightedCapitation.Input> inputs = inputs(formula, populations.ccgPopulations(extract), code -> Money.ofPounds(1));
		if (inputs.isEmpty()) {
			throw new IllegalArgumentException("There are no registered lists by age and sex at " + extract);
		}
		Map<Programme, Map<String, BigDecimal>> byProgramme = new LinkedHashMap<>();
		for (Programme programme : Programme.values()) {
			Map<String, BigDecimal> shares = new LinkedHashMap<>();
			BigDecimal[] weighted = WeightedCapitation
				.weigh(inputs, formula.costCurve(), formula.inequalitiesShare(programme))
				.shares();
			for (int i = 0; i < inputs.size(); i++) {
				shares.put(inputs.get(i).ccgCode(), weighted[i]);
			}
			byProgramme.put(programme, shares);
		}
		return new TargetShares(inputs.stream().mapToLong(input -> input.counts().total()).sum(), byProgramme);
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
	public Recomputed rerun(long runId) {
		access.checkNational();
		RunView run = get(runId);
		if (run.published()) {
			throw new IllegalArgumentException("Run " + runId + " is published as indicative budgets: make a scenario instead");
		}
		List<CcgResult> before = results(runId);
		List<CcgResult> after = compute(run.formulaId(), run.year(), run.programme(), run.extractDate(), run.envelope(),
				run.pace()).results();
		boolean unchanged = pence(before).equals(pence(after));
		store.deleteResults(runId);
		store.insertResults(runId, after);
		audit.record(new AuditEntry("FINANCE_RUN_RECOMPUTED", "finance_run", String.valueOf(runId), null,
				Map.of("ccgs", before.size()), new ResultsRecomputed(after.size(), unchanged)));
		return new Recomputed(run, unchanged);
	}

	private static List<String> pence(List<CcgResult> results) {
		return results.stream()
			.map(r -> r.ccgCode() + ":" + r.target().pence() + ":" + r.allocation().pence())
			.sorted()
			.toList();
	}

	private RunView create(RunRequest request, Long copiedFrom) {
		access.checkNational();
		FormulaView formula = formulas.load(request.formulaId());
		if (formula.status() != FormulaStatus.PUBLISHED) {
			throw new InvalidInputException("formulaId", "Formula '" + formula.name() + "' is a draft: publish it before running");
		}
		if (formula.effectiveYear().compareTo(request.year()) > 0) {
			throw new InvalidInputException("year", "Formula '" + formula.name() + "' takes effect in " + formula.effectiveYear()
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
		store.insertResults(id, computed.results());
		RunView run = get(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", run.name());
		after.put("year", run.year().toString());
		after.put("programme", run.programme().name());
		after.put("envelope", run.envelope().toString());
		// As percentages, as the run form takes them (2.14%): the audit page shows the values as recorded.
		Map<String, String> pace = new LinkedHashMap<>();
		pace.put("minimumGrowth", RunForm.percent(run.pace().minimumGrowth()) + "%");
		pace.put("maximumGrowth", RunForm.percent(run.pace().maximumGrowth()) + "%");
		pace.put("gapClosure", RunForm.percent(run.pace().gapClosure()) + "%");
		pace.put("overTargetFloor", RunForm.percent(run.pace().overTargetFloor()) + "%");
		after.put("pace", pace);
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
			throw new InvalidInputException("year", "There are no registered lists by age and sex at " + extract
					+ ": import registered patients first");
		}
		Baseline baseline = baseline(year.previous(), programme);
		List<WeightedCapitation.Input> inputs = inputs(formula, ccgs, code -> baseline.amounts().get(code));
		Map<String, Long> aged65Plus = ccgs.stream()
			.collect(Collectors.toMap(CcgPopulation::ccgCode, ccg -> aged65Plus(ccg.counts())));
		List<CcgResult> results = WeightedCapitation
			.allocate(inputs, formula.costCurve(), formula.inequalitiesShare(programme), envelope, pace)
			.stream()
			.map(out -> new CcgResult(out.ccgCode(), out.ccgName(), out.rawPopulation(), out.weightedPopulation(),
					out.targetShare(), out.target(), out.baseline(), out.allocation(), aged65Plus.get(out.ccgCode())))
			.toList();
		return new Computed(results, baseline.source());
	}

	private static long aged65Plus(PopulationQueries.BandCounts counts) {
		List<String> bands = PopulationQueries.AGE_BANDS;
		long total = 0;
		for (String band : bands.subList(bands.indexOf("65_69"), bands.size())) {
			total += counts.male().getOrDefault(band, 0L) + counts.female().getOrDefault(band, 0L);
		}
		return total;
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

	/** One CCG's imported baseline, as stored. */
	private record BaselineAmount(String ccgCode, BigDecimal allocation) {
	}

	/** Last year's published run for the programme; for the first year, the imported baseline. */
	private Baseline baseline(FinancialYear previous, Programme programme) {
		Optional<RunView> run = store.publishedRun(previous, programme);
		if (run.isPresent()) {
			Map<String, Money> amounts = new HashMap<>();
			store.results(run.get().id()).forEach(result -> amounts.put(result.ccgCode(), result.allocation()));
			return new Baseline(amounts, "Published run " + run.get().id() + " for " + previous);
		}
		Map<String, Money> amounts = new HashMap<>();
		jdbc.sql("select ccg_code, allocation from finance_baseline where financial_year = ? and programme = ?")
			.params(previous.startYear(), programme.name())
			.query(BaselineAmount.class)
			.list()
			.forEach(row -> amounts.put(row.ccgCode(), new Money(row.allocation())));
		if (amounts.isEmpty()) {
			throw new InvalidInputException("year", "There is no baseline for " + previous + " (" + programme.label()
					+ "): publish a run for " + previous + " or import last year's allocations");
		}
		return new Baseline(amounts, "Imported " + previous + " allocations");
	}

	private LocalDate latestExtractFor(FinancialYear year) {
		return populations.extractDates()
			.stream()
			.filter(date -> !date.isAfter(year.firstDay()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new InvalidInputException("year", "There are no registered lists by age and sex on or before "
					+ year.firstDay() + " for " + year + ": import registered patients first"));
	}

	/** Publishes a run's allocations as the indicative budgets of its year and programme (replacing earlier ones). */
	public RunView publish(long runId) {
		access.checkNational();
		RunView before = get(runId);
		if (before.published()) {
			throw new IllegalArgumentException("Run " + runId + " is already published");
		}
		if (!store.markPublished(runId, access.requireUser().username())) {
			throw new OptimisticLockingFailureException(
					"Run " + runId + " was published by someone else meanwhile");
		}
		RunView after = get(runId);
		events.publishEvent(new IndicativeBudgetsPublished(runId, after.year(), after.programme()));
		return after;
	}

	@Transactional(readOnly = true)
	public List<RunView> list() {
		access.checkNational();
		return store.list();
	}

	@Transactional(readOnly = true)
	public RunView get(long runId) {
		access.checkNational();
		return store.find(runId).orElseThrow(() -> new NoSuchElementException("No allocation run " + runId));
	}

	@Transactional(readOnly = true)
	public List<CcgResult> results(long runId) {
		get(runId);
		return store.results(runId);
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

	/** The audit trail's record of a baseline imported: its rows and their total allocation in pounds. */
	record BaselineImported(int rows, String total) {
	}

	/** The audit trail's record of a run computed again: its CCGs, and whether every figure came out the same. */
	record ResultsRecomputed(int ccgs, boolean unchanged) {
	}
}
