package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/finance")
class FinancePageController {

	/** The sortable columns of a run's results table. */
	enum ResultSort {

		CODE(Comparator.comparing(CcgResult::ccgCode)), NAME(Comparator.comparing(CcgResult::ccgName)),
		RAW(Comparator.comparingLong(CcgResult::rawPopulation)),
		WEIGHTED(Comparator.comparing(CcgResult::weightedPopulation)),
		TARGET(Comparator.comparing(CcgResult::target)), ALLOCATION(Comparator.comparing(CcgResult::allocation)),
		DISTANCE(Comparator.comparing(CcgResult::distancePercent)), GROWTH(Comparator.comparing(CcgResult::growthPercent)),
		PERHEAD(Comparator.comparing(CcgResult::perHead));

		final Comparator<CcgResult> order;

		ResultSort(Comparator<CcgResult> order) {
			this.order = order;
		}

		static ResultSort of(String text) {
			for (ResultSort sort : values()) {
				if (sort.name().equalsIgnoreCase(text)) {
					return sort;
				}
			}
			return DISTANCE;
		}
	}

	private final FinanceFormulas formulas;

	private final AllocationRuns runs;

	private final GlobalSumPayments globalSum;

	private final AccessPolicy access;

	private final JsonMapper json;

	FinancePageController(FinanceFormulas formulas, AllocationRuns runs, GlobalSumPayments globalSum,
			AccessPolicy access, JsonMapper json) {
		this.formulas = formulas;
		this.runs = runs;
		this.globalSum = globalSum;
		this.access = access;
		this.json = json;
	}

	@ModelAttribute("national")
	boolean national() {
		return access.currentUser().map(user -> user.isNational()).orElse(false);
	}

	@ModelAttribute("programmes")
	Programme[] programmes() {
		return Programme.values();
	}

	@GetMapping
	String index(Model model) {
		var user = access.requireUser();
		model.addAttribute("years", runs.budgetYears());
		model.addAttribute("ownCcg", user.role() == org.cocommission.identity.Role.CCG ? user.organisationCode() : null);
		return "finance/index";
	}

	@GetMapping("/formulas")
	String formulaList(Model model) {
		model.addAttribute("formulas", formulas.list());
		return "finance/formulas";
	}

	@PostMapping("/formulas")
	String newDraft(@RequestParam(required = false) Long copyOf, @RequestParam String year) {
		FormulaView draft;
		if (copyOf != null) {
			draft = formulas.copyAsDraft(copyOf, FinancialYear.parse(year));
		}
		else {
			Map<String, BigDecimal> ones = new LinkedHashMap<>();
			PopulationQueries.AGE_BANDS.forEach(band -> ones.put(band, BigDecimal.ONE));
			draft = formulas.createDraft(new FormulaDraft("Draft formula " + year, FinancialYear.parse(year),
					new BigDecimal("0.10"), new BigDecimal("0.15"), new CostCurve(ones, ones), Map.of()));
		}
		return "redirect:/finance/formulas/" + draft.id();
	}

	@GetMapping("/formulas/{id}")
	String formula(@PathVariable long id, Model model) {
		FormulaView formula = formulas.get(id);
		model.addAttribute("formula", formula);
		model.addAttribute("bands", PopulationQueries.AGE_BANDS);
		model.addAttribute("fields", fields(formula));
		model.addAttribute("errors", Map.of());
		return "finance/formula";
	}

	@GetMapping("/formulas/{id}/cost-curve.csv")
	ResponseEntity<String> costCurveCsv(@PathVariable long id) {
		return Exports.csvDownload(FinanceTables.formulaWeights(formulas.get(id)), "cost-curve-" + id + ".csv");
	}

	@GetMapping("/formulas/{id}/cost-curve.xlsx")
	ResponseEntity<byte[]> costCurveXlsx(@PathVariable long id) {
		return Exports.xlsxDownload("cost-curve-" + id + ".xlsx", FinanceTables.formulaWeights(formulas.get(id)));
	}

	@PostMapping("/formulas/{id}")
	String saveFormula(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> fields,
			Model model) {
		FormulaView formula = formulas.get(id);
		FinanceForms.Parsed<FormulaDraft> parsed = FinanceForms.formula(fields);
		if (!parsed.ok()) {
			model.addAttribute("formula", formula);
			model.addAttribute("bands", PopulationQueries.AGE_BANDS);
			model.addAttribute("fields", fields);
			model.addAttribute("errors", parsed.errors());
			return "finance/formula";
		}
		formulas.updateDraft(id, version, parsed.value());
		return "redirect:/finance/formulas/" + id + "?saved";
	}

	@PostMapping("/formulas/{id}/publish")
	String publishFormula(@PathVariable long id, @RequestParam int version) {
		formulas.publish(id, version);
		return "redirect:/finance/formulas/" + id + "?published";
	}

	@GetMapping("/runs")
	String runList(Model model) {
		model.addAttribute("runs", runs.list());
		FinancialYear next = runs.list().stream().map(RunView::year).max(Comparator.naturalOrder())
			.map(FinancialYear::next).orElse(new FinancialYear(2014));
		List<FormulaView> published = formulas.list().stream().filter(f -> f.status() == FormulaStatus.PUBLISHED).toList();
		model.addAttribute("formulas", published);
		model.addAttribute("form", new FinanceForms.RunForm("Allocations " + next, next.toString(), "CORE_CCG",
				published.isEmpty() ? "" : String.valueOf(published.get(0).id()), "", "", "2.14", "6", "50", "2.14"));
		model.addAttribute("errors", Map.of());
		return "finance/runs";
	}

	@PostMapping("/runs")
	String createRun(@ModelAttribute("form") FinanceForms.RunForm form, Model model) {
		FinanceForms.Parsed<RunRequest> parsed = FinanceForms.run(form);
		Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
		if (parsed.ok()) {
			try {
				return "redirect:/finance/runs/" + runs.create(parsed.value()).id();
			}
			catch (IllegalArgumentException refused) {
				errors.put("envelope", refused.getMessage());
			}
		}
		model.addAttribute("runs", runs.list());
		model.addAttribute("formulas", formulas.list().stream().filter(f -> f.status() == FormulaStatus.PUBLISHED).toList());
		model.addAttribute("errors", errors);
		return "finance/runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "distance") String sort,
			@RequestParam(defaultValue = "asc") String dir, Model model) {
		RunView run = runs.get(id);
		addRun(model, run, sort, dir);
		model.addAttribute("scenario", FinanceForms.RunForm.from(run));
		model.addAttribute("errors", Map.of());
		return "finance/run";
	}

	@PostMapping("/runs/{id}/scenario")
	String scenario(@PathVariable long id, @ModelAttribute("scenario") FinanceForms.RunForm form, Model model) {
		RunView source = runs.get(id);
		FinanceForms.RunForm filled = new FinanceForms.RunForm(form.name(), source.year().toString(),
				source.programme().name(), String.valueOf(source.formulaId()), form.envelope(),
				source.specialisedEnvelope().pounds().toPlainString(), form.minimumGrowth(), form.maximumGrowth(),
				form.gapClosure(), form.overTargetFloor());
		FinanceForms.Parsed<RunRequest> parsed = FinanceForms.run(filled);
		Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
		if (parsed.ok()) {
			try {
				RunView created = runs.scenario(id, new AllocationRuns.ScenarioChanges(parsed.value().name(),
						parsed.value().envelope(), parsed.value().pace()));
				return "redirect:/finance/compare?first=" + id + "&second=" + created.id();
			}
			catch (IllegalArgumentException refused) {
				errors.put("envelope", refused.getMessage());
			}
		}
		addRun(model, source, "distance", "asc");
		model.addAttribute("errors", errors);
		return "finance/run";
	}

	@PostMapping("/runs/{id}/rerun")
	String rerun(@PathVariable long id) {
		runs.rerun(id);
		return "redirect:/finance/runs/" + id + "?recomputed";
	}

	@PostMapping("/runs/{id}/publish")
	String publish(@PathVariable long id) {
		RunView run = runs.publish(id);
		return "redirect:/finance/budgets?year=" + run.year().toString().replace('/', '-');
	}

	@GetMapping("/runs/{id}/annex.csv")
	ResponseEntity<String> annexCsv(@PathVariable long id) {
		return Exports.csvDownload(FinanceTables.annex(runs.get(id), runs.results(id)), "allocations-run-" + id + ".csv");
	}

	@GetMapping("/runs/{id}/annex.xlsx")
	ResponseEntity<byte[]> annexXlsx(@PathVariable long id) {
		return Exports.xlsxDownload("allocations-run-" + id + ".xlsx", FinanceTables.annex(runs.get(id), runs.results(id)));
	}

	@GetMapping("/compare")
	String compare(@RequestParam long first, @RequestParam long second, Model model) {
		RunComparison comparison = runs.compare(first, second);
		model.addAttribute("comparison", comparison);
		List<RunComparison.Line> lines = new ArrayList<>(comparison.lines());
		lines.sort(Comparator.comparing(RunComparison.Line::firstDistancePercent));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("codes", lines.stream().map(RunComparison.Line::ccgCode).toList());
		chart.put("series", List.of(
				Map.of("name", "Run " + first + " (before)", "values", lines.stream().map(RunComparison.Line::firstDistancePercent).toList()),
				Map.of("name", "Run " + second + " (after)", "values", lines.stream().map(RunComparison.Line::secondDistancePercent).toList())));
		model.addAttribute("chart", json.writeValueAsString(chart));
		return "finance/compare";
	}

	@GetMapping("/compare.csv")
	ResponseEntity<String> compareCsv(@RequestParam long first, @RequestParam long second) {
		return Exports.csvDownload(FinanceTables.comparison(runs.compare(first, second)),
				"comparison-" + first + "-" + second + ".csv");
	}

	@GetMapping("/compare.xlsx")
	ResponseEntity<byte[]> compareXlsx(@RequestParam long first, @RequestParam long second) {
		return Exports.xlsxDownload("comparison-" + first + "-" + second + ".xlsx",
				FinanceTables.comparison(runs.compare(first, second)));
	}

	@GetMapping("/budgets")
	String budgets(@RequestParam(required = false) String year, Model model) {
		FinancialYear chosen = year(year);
		model.addAttribute("years", runs.budgetYears());
		model.addAttribute("year", chosen);
		model.addAttribute("budgets", chosen == null ? List.of() : runs.budgets(chosen));
		return "finance/budgets";
	}

	@GetMapping("/budgets.csv")
	ResponseEntity<String> budgetsCsv(@RequestParam String year) {
		return Exports.csvDownload(FinanceTables.budgets(runs.budgets(FinancialYear.parse(year))), "indicative-budgets.csv");
	}

	@GetMapping("/budgets.xlsx")
	ResponseEntity<byte[]> budgetsXlsx(@RequestParam String year) {
		return Exports.xlsxDownload("indicative-budgets.xlsx", FinanceTables.budgets(runs.budgets(FinancialYear.parse(year))));
	}

	@GetMapping("/budgets/{ccgCode}")
	String budget(@PathVariable String ccgCode, @RequestParam(required = false) String year, Model model) {
		String code = ccgCode.toUpperCase();
		access.checkCanSee(code);
		FinancialYear chosen = year(year);
		if (chosen == null) {
			throw new java.util.NoSuchElementException("No indicative budgets are published yet");
		}
		model.addAttribute("year", chosen);
		model.addAttribute("budgets", runs.budgetsOf(code, chosen));
		PopulationView view = runs.populationView(code, chosen);
		model.addAttribute("view", view);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("services", view.lines().stream().map(PopulationView.Line::service).toList());
		chart.put("series", List.of(
				Map.of("name", view.ccgName(), "values", view.lines().stream().map(l -> pounds(l.ccgPerHead())).toList()),
				Map.of("name", "Peer CCGs", "values", view.lines().stream().map(l -> pounds(l.peersPerHead())).toList()),
				Map.of("name", "England", "values", view.lines().stream().map(l -> pounds(l.englandPerHead())).toList())));
		model.addAttribute("chart", json.writeValueAsString(chart));
		return "finance/budget";
	}

	@GetMapping("/global-sum/{ccgCode}")
	String globalSum(@PathVariable String ccgCode, Model model) {
		model.addAttribute("sum", globalSum.forCcg(ccgCode.toUpperCase()));
		return "finance/global-sum";
	}

	@GetMapping("/global-sum/{ccgCode}.csv")
	ResponseEntity<String> globalSumCsv(@PathVariable String ccgCode) {
		return Exports.csvDownload(FinanceTables.globalSum(globalSum.forCcg(ccgCode.toUpperCase())),
				"global-sum-" + ccgCode + ".csv");
	}

	@GetMapping("/global-sum/{ccgCode}.xlsx")
	ResponseEntity<byte[]> globalSumXlsx(@PathVariable String ccgCode) {
		return Exports.xlsxDownload("global-sum-" + ccgCode + ".xlsx",
				FinanceTables.globalSum(globalSum.forCcg(ccgCode.toUpperCase())));
	}

	private void addRun(Model model, RunView run, String sort, String dir) {
		List<CcgResult> results = new ArrayList<>(runs.results(run.id()));
		ResultSort order = ResultSort.of(sort);
		boolean descending = "desc".equalsIgnoreCase(dir);
		results.sort(descending ? order.order.reversed() : order.order);
		model.addAttribute("run", run);
		model.addAttribute("results", results);
		model.addAttribute("sort", order.name().toLowerCase());
		model.addAttribute("descending", descending);
		model.addAttribute("totalAllocation", results.stream().map(CcgResult::allocation).reduce(Money.ZERO, Money::plus));
		model.addAttribute("totalTarget", results.stream().map(CcgResult::target).reduce(Money.ZERO, Money::plus));
		model.addAttribute("totalRaw", results.stream().mapToLong(CcgResult::rawPopulation).sum());
		model.addAttribute("otherRuns", runs.list().stream().filter(other -> other.id() != run.id()
				&& other.year().equals(run.year()) && other.programme() == run.programme()).toList());
		List<CcgResult> byDistance = results.stream().sorted(Comparator.comparing(CcgResult::distancePercent)).toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("codes", byDistance.stream().map(CcgResult::ccgCode).toList());
		chart.put("series", List.of(Map.of("name", "Distance from target %", "values",
				byDistance.stream().map(CcgResult::distancePercent).toList())));
		model.addAttribute("chart", json.writeValueAsString(chart));
	}

	private FinancialYear year(String text) {
		if (text != null && !text.isBlank()) {
			return FinancialYear.parse(text);
		}
		return runs.budgetYears().stream().findFirst().orElse(null);
	}

	private static BigDecimal pounds(Money money) {
		return money == null ? null : money.pounds();
	}

	private static Map<String, String> fields(FormulaView formula) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", formula.name());
		fields.put("year", formula.effectiveYear().toString());
		fields.put("inequalitiesShareCcg", FinanceForms.percent(formula.inequalitiesShareCcg()));
		fields.put("inequalitiesSharePrimaryCare", FinanceForms.percent(formula.inequalitiesSharePrimaryCare()));
		for (String band : PopulationQueries.AGE_BANDS) {
			fields.put("male_" + band, formula.costCurve().male().get(band).stripTrailingZeros().toPlainString());
			fields.put("female_" + band, formula.costCurve().female().get(band).stripTrailingZeros().toPlainString());
		}
		formula.globalSum().forEach((name, value) -> fields.put("gs_" + name, value.stripTrailingZeros().toPlainString()));
		return fields;
	}
}
