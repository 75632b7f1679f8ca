package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.finance.AllocationRuns;
import org.cocommission.finance.FinanceFormulas;
import org.cocommission.finance.FinanceTables;
import org.cocommission.finance.FormulaStatus;
import org.cocommission.finance.FormulaView;
import org.cocommission.finance.Programme;
import org.cocommission.finance.RunView;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Allocation runs, scenarios and comparisons, for national users (the service refuses everyone else). */
@Controller
@RequestMapping("/finance")
public class AllocationRunPageController {

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

	private final JsonMapper json;

	AllocationRunPageController(FinanceFormulas formulas, AllocationRuns runs, JsonMapper json) {
		this.formulas = formulas;
		this.runs = runs;
		this.json = json;
	}

	@ModelAttribute("programmes")
	Map<String, String> programmes() {
		Map<String, String> programmes = new LinkedHashMap<>();
		for (Programme programme : Programme.values()) {
			programmes.put(programme.name(), programme.label());
		}
		return programmes;
	}

	@GetMapping("/runs")
	String runList(Model model) {
		List<RunView> all = runs.list();
		List<RunView> published = all.stream().filter(RunView::published).toList();
		FinancialYear next = published.stream().map(RunView::year).max(Comparator.naturalOrder())
			.map(FinancialYear::next).orElse(new FinancialYear(2014));
		List<FormulaView> formulas = publishedFormulas();
		// A starting point the user is expected to change: last year's core envelope plus 3%.
		BigDecimal envelope = published.stream().filter(r -> r.programme() == Programme.CORE_CCG)
			.max(Comparator.comparing(RunView::year))
			.map(r -> r.envelope().times(new BigDecimal("1.03"), RoundingMode.HALF_UP).pounds().setScale(0,
					RoundingMode.HALF_UP))
			.orElse(null);
		model.addAttribute("form", new RunForm("Allocations " + next, next, Programme.CORE_CCG,
				formulas.isEmpty() ? null : formulas.get(0).id(), envelope, null, new BigDecimal("2.14"),
				BigDecimal.valueOf(6), BigDecimal.valueOf(50), new BigDecimal("2.14")));
		return runsPage(model);
	}

	@PostMapping("/runs")
	String createRun(@Valid @ModelAttribute("form") RunForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				return "redirect:/finance/runs/" + runs.create(form.request()).id();
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return runsPage(model);
	}

	@GetMapping("/runs.csv")
	ResponseEntity<String> runsCsv() {
		return Exports.csvDownload(FinanceTables.runs(runs.list()), "allocation-runs.csv");
	}

	@GetMapping("/runs.xlsx")
	ResponseEntity<byte[]> runsXlsx() {
		return Exports.xlsxDownload("allocation-runs.xlsx", FinanceTables.runs(runs.list()));
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "distance") String sort,
			@RequestParam(defaultValue = "asc") String dir, Model model) {
		RunView run = runs.get(id);
		addRun(model, run, sort, dir);
		model.addAttribute("scenario", ScenarioForm.of(run));
		return "finance/run";
	}

	@PostMapping("/runs/{id}/scenario")
	String scenario(@PathVariable long id, @Valid @ModelAttribute("scenario") ScenarioForm form, BindingResult result,
			Model model) {
		RunView source = runs.get(id);
		if (!result.hasErrors()) {
			try {
				RunView created = runs.scenario(id, form.changes());
				return "redirect:/finance/compare?first=" + id + "&second=" + created.id();
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		addRun(model, source, "distance", "asc");
		return "finance/run";
	}

	@PostMapping("/runs/{id}/rerun")
	String rerun(@PathVariable long id) {
		return "redirect:/finance/runs/" + id + "?recomputed=" + (runs.rerun(id).unchanged() ? "unchanged" : "changed");
	}

	/** What publishing a run as indicative budgets changes, for whom, before it is done. */
	@GetMapping("/runs/{id}/publish")
	String confirmPublish(@PathVariable long id, Model model) {
		RunView run = runs.get(id);
		List<CcgResult> results = runs.results(id);
		model.addAttribute("run", run);
		model.addAttribute("ccgs", results.size());
		model.addAttribute("totalAllocation", results.stream().map(CcgResult::allocation).reduce(Money.ZERO, Money::plus));
		model.addAttribute("replaces", runs.list().stream()
			.filter(other -> other.published() && other.id() != id && other.year().equals(run.year())
					&& other.programme() == run.programme())
			.findFirst()
			.orElse(null));
		return "finance/run-publish";
	}

	@PostMapping("/runs/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		RunView run = runs.publish(id);
		redirect.addFlashAttribute("message", "Run " + run.id() + " is published: each CCG and its area team can now"
				+ " see its " + run.year() + " indicative budget (" + run.programme().label() + "), and they have been told.");
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
	String compare(@RequestParam(required = false) Long first, @RequestParam(required = false) Long second,
			Model model) {
		if (first == null || second == null || first.equals(second)) {
			model.addAttribute("form", new RunForm(null, null, Programme.CORE_CCG, null, null, null, null, null, null,
					null));
			model.addAttribute("compareProblem", "Choose two different runs to compare");
			return runsPage(model);
		}
		RunComparison comparison = runs.compare(first, second);
		model.addAttribute("comparison", comparison);
		model.addAttribute("chart", json.writeValueAsString(comparisonChart(first, second, comparison.lines())));
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

	private String runsPage(Model model) {
		List<RunView> all = runs.list();
		model.addAttribute("runs", all);
		Map<Programme, RunView> lastPublished = new LinkedHashMap<>();
		all.stream().filter(RunView::published).sorted(Comparator.comparing(RunView::year))
			.forEach(run -> lastPublished.put(run.programme(), run));
		model.addAttribute("envelopeHint", lastPublished.isEmpty() ? "For example, 64,000,000,000"
				: "Last published: " + lastPublished.values()
					.stream()
					.map(run -> run.programme().label() + " " + run.year() + " " + run.envelope().formatted())
					.collect(java.util.stream.Collectors.joining("; "))
						+ ". The envelope must cover every CCG's minimum growth on last year.");
		Map<Long, String> formulaOptions = new LinkedHashMap<>();
		publishedFormulas().forEach(f -> formulaOptions.put(f.id(), f.name() + " (" + f.effectiveYear() + ")"));
		model.addAttribute("formulas", formulaOptions);
		return "finance/runs";
	}

	private List<FormulaView> publishedFormulas() {
		return formulas.list().stream().filter(f -> f.status() == FormulaStatus.PUBLISHED).toList();
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
		model.addAttribute("chart", json.writeValueAsString(distanceChart(results)));
	}

	/** Each CCG's distance from target in both runs, most under target in the first run first. */
	static BarChart comparisonChart(long first, long second, List<RunComparison.Line> lines) {
		List<RunComparison.Line> sorted = lines.stream()
			.sorted(Comparator.comparing(RunComparison.Line::firstDistancePercent))
			.toList();
		return new BarChart(sorted.stream().map(RunComparison.Line::ccgCode).toList(), List.of(
				new BarChart.Series("Run " + first + " (before)",
						sorted.stream().map(RunComparison.Line::firstDistancePercent).toList()),
				new BarChart.Series("Run " + second + " (after)",
						sorted.stream().map(RunComparison.Line::secondDistancePercent).toList())));
	}

	/** Each CCG's distance from target before and after the run, most under target after it first. */
	static BarChart distanceChart(List<CcgResult> results) {
		List<CcgResult> byDistance = results.stream().sorted(Comparator.comparing(CcgResult::distancePercent)).toList();
		return new BarChart(byDistance.stream().map(CcgResult::ccgCode).toList(), List.of(
				new BarChart.Series("Last year's allocation against this year's target %",
						byDistance.stream().map(CcgResult::baselineDistancePercent).toList()),
				new BarChart.Series("This run's allocation against target %",
						byDistance.stream().map(CcgResult::distancePercent).toList())));
	}

	/** A bar chart as finance-charts.js reads it: the CCGs' codes and, per series, a distance in per cent each. */
	record BarChart(List<String> codes, List<Series> series) {

		record Series(String name, List<BigDecimal> values) {
		}
	}
}
