package org.cocommission.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.finance.allocations.RunComparison;
import org.cocommission.finance.allocations.RunForm;
import org.cocommission.finance.budgets.IndicativeBudget;
import org.cocommission.finance.budgets.IndicativeBudgets;
import org.cocommission.finance.budgets.PopulationView;
import org.cocommission.finance.globalsum.GlobalSumPayments;
import org.cocommission.finance.globalsum.PracticeFactor;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "Finance", description = "Allocation formulas, runs, scenarios, indicative budgets and the global sum")
class FinanceApiController {

	record FormulaBody(long id, String name, String effectiveYear, FormulaStatus status, BigDecimal inequalitiesShareCcg,
			BigDecimal inequalitiesSharePrimaryCare, Map<String, BigDecimal> male, Map<String, BigDecimal> female,
			List<CcgFactor> ccgFactors, Map<String, BigDecimal> globalSum, String publishedBy, Instant publishedAt,
			int version) {

		static FormulaBody of(FormulaView f) {
			return new FormulaBody(f.id(), f.name(), f.effectiveYear().toString(), f.status(), f.inequalitiesShareCcg(),
					f.inequalitiesSharePrimaryCare(), f.costCurve().male(), f.costCurve().female(), f.ccgFactors(),
					f.globalSum(), f.publishedBy(), f.publishedAt(), f.version());
		}
	}

	/** A formula to create or update: shares as fractions (0.10 = 10%), the cost curve by band for each sex. */
	record FormulaRequest(String name,
			@NotNull(message = "Enter the effective financial year like 2015/16") FinancialYear effectiveYear,
			BigDecimal inequalitiesShareCcg, BigDecimal inequalitiesSharePrimaryCare, Map<String, BigDecimal> male,
			Map<String, BigDecimal> female, Map<String, BigDecimal> globalSum) {

		FormulaDraft draft() {
			return new FormulaDraft(name, effectiveYear, inequalitiesShareCcg,
					inequalitiesSharePrimaryCare, new CostCurve(male, female), globalSum);
		}
	}

	record BaselineLine(String ccgCode, BigDecimal allocation) {
	}

	record ScenarioRequest(String name, BigDecimal envelope, BigDecimal minimumGrowth, BigDecimal maximumGrowth,
			BigDecimal gapClosure, BigDecimal overTargetFloor) {
	}

	record RunBody(long id, String name, String year, Programme programme, long formulaId, String formulaName,
			LocalDate extractDate, BigDecimal envelope, BigDecimal specialisedEnvelope, BigDecimal minimumGrowthPercent,
			BigDecimal maximumGrowthPercent, BigDecimal gapClosurePercent, BigDecimal overTargetFloorPercent,
			String baselineSource, Long copiedFrom, String createdBy, Instant createdAt, Instant publishedAt,
			String roundingRule) {

		static RunBody of(RunView r) {
			return new RunBody(r.id(), r.name(), r.year().toString(), r.programme(), r.formulaId(), r.formulaName(),
					r.extractDate(), r.envelope().pounds(), r.specialisedEnvelope().pounds(),
					RunForm.percent(r.pace().minimumGrowth()),
					RunForm.percent(r.pace().maximumGrowth()),
					RunForm.percent(r.pace().gapClosure()),
					RunForm.percent(r.pace().overTargetFloor()), r.baselineSource(), r.copiedFrom(),
					r.createdBy(), r.createdAt(), r.publishedAt(), r.roundingRule());
		}
	}

	record ResultLine(String ccgCode, String ccgName, long rawPopulation, BigDecimal weightedPopulation,
			BigDecimal targetSharePercent, BigDecimal target, BigDecimal baseline, BigDecimal allocation,
			BigDecimal distance, BigDecimal distancePercent, BigDecimal growthPercent, BigDecimal perHead,
			BigDecimal targetPerHead) {

		static ResultLine of(CcgResult r) {
			return new ResultLine(r.ccgCode(), r.ccgName(), r.rawPopulation(), r.weightedPopulation(),
					r.targetSharePercent(), r.target().pounds(), r.baseline().pounds(), r.allocation().pounds(),
					r.distance().pounds(), r.distancePercent(), r.growthPercent(), r.perHead().pounds(),
					r.targetPerHead().pounds());
		}
	}

	record RunResults(RunBody run, BigDecimal totalAllocation, List<ResultLine> results) {
	}

	record ComparisonLine(String ccgCode, String ccgName, BigDecimal firstAllocation, BigDecimal secondAllocation,
			BigDecimal difference, BigDecimal firstDistancePercent, BigDecimal secondDistancePercent) {
	}

	record ComparisonBody(RunBody first, RunBody second, List<ComparisonLine> lines, List<String> winners,
			List<String> losers) {
	}

	record BudgetBody(String year, Programme programme, long runId, String runName, Instant publishedAt,
			ResultLine budget) {

		static BudgetBody of(IndicativeBudget b) {
			return new BudgetBody(b.year().toString(), b.programme(), b.runId(), b.runName(), b.publishedAt(),
					ResultLine.of(b.result()));
		}
	}

	/** Per-head amounts in pounds; null where no published run covers the service. */
	record PopulationLine(String service, BigDecimal ccgPerHead, BigDecimal englandPerHead, BigDecimal peersPerHead) {
	}

	record PopulationViewBody(String ccgCode, String ccgName, String year, List<PopulationLine> lines,
			PopulationView.Peer self, List<PopulationView.Peer> peers, String peerDefinition) {

		static PopulationViewBody of(PopulationView v) {
			return new PopulationViewBody(v.ccgCode(), v.ccgName(), v.year().toString(), v.lines()
				.stream()
				.map(l -> new PopulationLine(l.service(), pounds(l.ccgPerHead()), pounds(l.englandPerHead()),
						pounds(l.peersPerHead())))
				.toList(), v.self(), v.peers(), v.peerDefinition());
		}
	}

	record PracticePaymentBody(String practiceCode, String practiceName, long registeredList, BigDecimal weightedList,
			BigDecimal annual, BigDecimal quarterly) {
	}

	record GlobalSumBody(String ccgCode, LocalDate extract, long formulaId, String formulaName,
			BigDecimal pricePerWeightedPatient, int practicesWithFactors, BigDecimal annualTotal,
			BigDecimal quarterlyTotal, List<PracticePaymentBody> practices) {

		static GlobalSumBody of(GlobalSumPayments.CcgGlobalSum sum) {
			return new GlobalSumBody(sum.ccgCode(), sum.extract(), sum.formulaId(), sum.formulaName(),
					sum.pricePerWeightedPatient().pounds(), sum.practicesWithFactors(), sum.annualTotal().pounds(), sum.quarterlyTotal().pounds(),
					sum.practices()
						.stream()
						.map(p -> new PracticePaymentBody(p.practiceCode(), p.practiceName(), p.registeredList(),
								p.weightedList(), p.annual().pounds(), p.quarterly().pounds()))
						.toList());
		}
	}

	private final FinanceFormulas formulas;

	private final AllocationRuns runs;

	private final GlobalSumPayments globalSum;

	private final IndicativeBudgets budgets;

	FinanceApiController(FinanceFormulas formulas, AllocationRuns runs, GlobalSumPayments globalSum,
			IndicativeBudgets budgets) {
		this.formulas = formulas;
		this.runs = runs;
		this.budgets = budgets;
		this.globalSum = globalSum;
	}

	@GetMapping("/formulas")
	@Operation(summary = "Formula versions, newest first")
	List<FormulaBody> formulas() {
		return formulas.list().stream().map(FormulaBody::of).toList();
	}

	@GetMapping("/formulas/{id}")
	@Operation(summary = "One formula version")
	FormulaBody formula(@PathVariable long id) {
		return FormulaBody.of(formulas.get(id));
	}

	@PostMapping("/formulas")
	@Operation(summary = "Create a draft formula (national users)")
	FormulaBody createFormula(@Valid @RequestBody FormulaRequest request) {
		return FormulaBody.of(formulas.createDraft(request.draft()));
	}

	@PutMapping("/formulas/{id}")
	@Operation(summary = "Replace a draft formula's settings; 409 if the version is stale")
	FormulaBody updateFormula(@PathVariable long id, @RequestParam int version, @Valid @RequestBody FormulaRequest request) {
		return FormulaBody.of(formulas.updateDraft(id, version, request.draft()));
	}

	@PutMapping("/formulas/{id}/ccg-factors")
	@Operation(summary = "Set a draft's per-CCG additional need, market forces factor and inequality index")
	FormulaBody ccgFactors(@PathVariable long id, @RequestParam int version, @RequestBody List<CcgFactor> factors) {
		return FormulaBody.of(formulas.setCcgFactors(id, version, factors));
	}

	@PutMapping("/formulas/{id}/practice-factors")
	@Operation(summary = "Set a draft's per-practice global sum indices (additional needs, list turnover, market forces"
			+ " factor, rurality, nursing home patients); practices left out are the England average")
	Map<String, Integer> practiceFactors(@PathVariable long id, @RequestParam int version,
			@RequestBody List<PracticeFactor> factors) {
		return Map.of("practices", formulas.setPracticeFactors(id, version, factors));
	}

	@GetMapping("/formulas/{id}/practice-factors")
	@Operation(summary = "A formula's per-practice global sum indices")
	List<PracticeFactor> practiceFactorList(@PathVariable long id) {
		return formulas.practiceFactors(id);
	}

	@PostMapping("/formulas/{id}/publish")
	@Operation(summary = "Publish (freeze) a draft formula")
	FormulaBody publishFormula(@PathVariable long id, @RequestParam int version) {
		return FormulaBody.of(formulas.publish(id, version));
	}

	@PostMapping("/baselines/{startYear}/{programme}")
	@Operation(summary = "Import last year's allocations for the first year, e.g. /baselines/2013/CORE_CCG")
	Map<String, Integer> importBaseline(
			@PathVariable @Parameter(description = "the financial year by its first year (2013 for 2013/14), or 2013-14",
					schema = @Schema(type = "string", example = "2013")) FinancialYear startYear,
			@PathVariable Programme programme,
			@RequestBody List<BaselineLine> lines,
			@Parameter(description = "true to replace a stored baseline with one of fewer CCGs")
			@RequestParam(defaultValue = "false") boolean replaceWithFewer) {
		List<AllocationRuns.BaselineRow> baseline = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			BaselineLine line = lines.get(i);
			if (line == null || line.allocation() == null || line.allocation().signum() <= 0) {
				throw new InvalidInputException("[" + i + "].allocation",
						"Row " + (i + 1) + ": give a positive allocation in pounds");
			}
			baseline.add(new AllocationRuns.BaselineRow(line.ccgCode(), new Money(line.allocation())));
		}
		int rows = runs.importBaseline(startYear, programme, baseline, replaceWithFewer);
		return Map.of("rows", rows);
	}

	@GetMapping("/runs")
	@Operation(summary = "Allocation runs (national users)")
	List<RunBody> runs() {
		return runs.list().stream().map(RunBody::of).toList();
	}

	@PostMapping("/runs")
	@Operation(summary = "Compute an allocation run; growth figures in percent. 400 with the problems on bad input")
	RunResults createRun(@Valid @RequestBody RunForm form) {
		return results(runs.create(form.request()).id());
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run with its results per CCG")
	RunResults run(@PathVariable long id) {
		return results(id);
	}

	@PostMapping("/runs/{id}/rerun")
	@Operation(summary = "Recompute a run from its stored parameters (idempotent)")
	RunResults rerun(@PathVariable long id) {
		runs.rerun(id);
		return results(id);
	}

	@PostMapping("/runs/{id}/scenarios")
	@Operation(summary = "Copy a run with changed parameters (percent) and compute it")
	RunResults scenario(@PathVariable long id, @RequestBody ScenarioRequest request) {
		RunView source = runs.get(id);
		PaceOfChange pace = new PaceOfChange(
				orElse(request.minimumGrowth(), source.pace().minimumGrowth()),
				orElse(request.maximumGrowth(), source.pace().maximumGrowth()),
				orElse(request.gapClosure(), source.pace().gapClosure()),
				orElse(request.overTargetFloor(), source.pace().overTargetFloor()));
		RunView created = runs.scenario(id, new AllocationRuns.ScenarioChanges(request.name(),
				request.envelope() == null ? null : new Money(request.envelope()), pace));
		return results(created.id());
	}

	@PostMapping("/runs/{id}/publish")
	@Operation(summary = "Publish a run's allocations as indicative budgets")
	RunBody publish(@PathVariable long id) {
		return RunBody.of(runs.publish(id));
	}

	@GetMapping("/runs/compare")
	@Operation(summary = "Compare two runs per CCG")
	ComparisonBody compare(@RequestParam long first, @RequestParam long second) {
		RunComparison c = runs.compare(first, second);
		return new ComparisonBody(RunBody.of(c.first()), RunBody.of(c.second()),
				c.lines().stream().map(l -> new ComparisonLine(l.ccgCode(), l.ccgName(), l.firstAllocation().pounds(),
						l.secondAllocation().pounds(), l.difference().pounds(), l.firstDistancePercent(),
						l.secondDistancePercent())).toList(),
				c.winners().stream().map(RunComparison.Line::ccgCode).toList(),
				c.losers().stream().map(RunComparison.Line::ccgCode).toList());
	}

	@GetMapping("/runs/{id}/annex.csv")
	@Operation(summary = "The run as an allocation annex (CSV)")
	ResponseEntity<String> annexCsv(@PathVariable long id) {
		RunView run = runs.get(id);
		return Exports.csvDownload(FinanceTables.annex(run, runs.results(id)), "allocations-run-" + id + ".csv");
	}

	@GetMapping("/runs/{id}/annex.xlsx")
	@Operation(summary = "The run as an allocation annex (XLSX)")
	ResponseEntity<byte[]> annexXlsx(@PathVariable long id) {
		RunView run = runs.get(id);
		return Exports.xlsxDownload("allocations-run-" + id + ".xlsx", FinanceTables.annex(run, runs.results(id)));
	}

	@GetMapping("/budgets")
	@Operation(summary = "Indicative budgets the caller may see for a year (e.g. 2014/15)")
	List<BudgetBody> budgets(@RequestParam @Parameter(schema = @Schema(type = "string", example = "2014/15")) FinancialYear year) {
		return budgets.visible(year).stream().map(BudgetBody::of).toList();
	}

	@GetMapping("/budgets/{ccgCode}")
	@Operation(summary = "One CCG's indicative budgets for a year; 403 outside the caller's scope")
	List<BudgetBody> budget(@PathVariable String ccgCode, @RequestParam @Parameter(schema = @Schema(type = "string", example = "2014/15")) FinancialYear year) {
		return budgets.of(ccgCode.toUpperCase(), year).stream().map(BudgetBody::of).toList();
	}

	@GetMapping("/budgets/{ccgCode}/population-view")
	@Operation(summary = "Spend per head for the CCG's population against England and peer CCGs")
	PopulationViewBody populationView(@PathVariable String ccgCode, @RequestParam @Parameter(schema = @Schema(type = "string", example = "2014/15")) FinancialYear year) {
		return PopulationViewBody.of(budgets.populationView(ccgCode.toUpperCase(), year));
	}

	@GetMapping("/global-sum/{ccgCode}")
	@Operation(summary = "Each member practice's weighted list and quarterly global sum payment")
	GlobalSumBody globalSum(@PathVariable String ccgCode) {
		return GlobalSumBody.of(globalSum.forCcg(ccgCode.toUpperCase()));
	}

	private RunResults results(long id) {
		RunView run = runs.get(id);
		List<CcgResult> results = runs.results(id);
		return new RunResults(RunBody.of(run),
				results.stream().map(r -> r.allocation().pounds()).reduce(BigDecimal.ZERO, BigDecimal::add),
				results.stream().map(ResultLine::of).toList());
	}

	private static BigDecimal pounds(Money money) {
		return money == null ? null : money.pounds();
	}

	private static BigDecimal orElse(BigDecimal percent, BigDecimal fraction) {
		return percent == null ? fraction : percent.divide(BigDecimal.valueOf(100), java.math.MathContext.DECIMAL64);
	}
}
