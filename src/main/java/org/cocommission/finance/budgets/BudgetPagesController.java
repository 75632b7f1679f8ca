package org.cocommission.finance.budgets;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.finance.FinanceTables;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Indicative budgets within the user's scope, and one CCG's budget with its population view. */
@Controller
@RequestMapping("/finance")
class BudgetPagesController {

	private static final int PAGE_SIZE = 50;

	private final IndicativeBudgets budgets;

	private final AccessPolicy access;

	private final JsonMapper json;

	BudgetPagesController(IndicativeBudgets budgets, AccessPolicy access, JsonMapper json) {
		this.budgets = budgets;
		this.access = access;
		this.json = json;
	}

	@GetMapping("/budgets")
	String list(@RequestParam(required = false) FinancialYear year, @RequestParam(defaultValue = "0") int page, Model model) {
		FinancialYear chosen = year(year);
		List<IndicativeBudget> all = chosen == null ? List.of() : budgets.visible(chosen);
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.max(0, Math.min(page, pages - 1));
		model.addAttribute("years", budgets.years());
		model.addAttribute("year", chosen);
		model.addAttribute("total", all.size());
		model.addAttribute("budgets", all.subList(shown * PAGE_SIZE, Math.min(all.size(), (shown + 1) * PAGE_SIZE)));
		model.addAttribute("page", shown);
		model.addAttribute("totalPages", pages);
		String base = chosen == null ? "" : "/finance/budgets?year=" + chosen.toString().replace('/', '-') + "&page=";
		model.addAttribute("previousHref", shown > 0 ? base + (shown - 1) : null);
		model.addAttribute("nextHref", shown < pages - 1 ? base + (shown + 1) : null);
		return "finance/budgets";
	}

	@GetMapping("/budgets.csv")
	ResponseEntity<String> csv(@RequestParam FinancialYear year) {
		return Exports.csvDownload(FinanceTables.budgets(budgets.visible(year)),
				"indicative-budgets.csv");
	}

	@GetMapping("/budgets.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam FinancialYear year) {
		return Exports.xlsxDownload("indicative-budgets.xlsx",
				FinanceTables.budgets(budgets.visible(year)));
	}

	@GetMapping("/budgets/{ccgCode}")
	String budget(@PathVariable String ccgCode, @RequestParam(required = false) FinancialYear year, Model model) {
		String code = ccgCode.toUpperCase();
		access.checkCanSee(code);
		FinancialYear chosen = year(year);
		model.addAttribute("ccgCode", code);
		model.addAttribute("year", chosen);
		if (chosen == null) {
			model.addAttribute("empty", "No indicative budgets are published yet.");
			return "finance/budget";
		}
		try {
			model.addAttribute("budgets", budgets.of(code, chosen));
		}
		catch (NoSuchElementException nothing) {
			model.addAttribute("empty", nothing.getMessage() + ".");
			return "finance/budget";
		}
		PopulationView view = budgets.populationView(code, chosen);
		model.addAttribute("view", view);
		model.addAttribute("chart", json.writeValueAsString(populationChart(view.ccgName(), view.lines())));
		return "finance/budget";
	}

	@GetMapping("/budgets/{ccgCode}/population-view.csv")
	ResponseEntity<String> populationCsv(@PathVariable String ccgCode, @RequestParam FinancialYear year) {
		PopulationView view = budgets.populationView(ccgCode.toUpperCase(), year);
		return Exports.csvDownload(FinanceTables.populationView(view), "population-view-" + view.ccgCode() + ".csv");
	}

	@GetMapping("/budgets/{ccgCode}/population-view.xlsx")
	ResponseEntity<byte[]> populationXlsx(@PathVariable String ccgCode, @RequestParam FinancialYear year) {
		PopulationView view = budgets.populationView(ccgCode.toUpperCase(), year);
		return Exports.xlsxDownload("population-view-" + view.ccgCode() + ".xlsx", FinanceTables.populationView(view),
				FinanceTables.peers(view));
	}

	private FinancialYear year(FinancialYear chosen) {
		return chosen != null ? chosen : budgets.latestYear().orElse(null);
	}

	private static BigDecimal pounds(Money money) {
		return money == null ? null : money.pounds();
	}

	/** Spend per head on each service: the CCG's, its peers' and England's, in pounds (null where none is published). */
	static GroupedChart populationChart(String ccgName, List<PopulationView.Line> lines) {
		return new GroupedChart(lines.stream().map(PopulationView.Line::service).toList(), List.of(
				new GroupedChart.Series(ccgName, lines.stream().map(l -> pounds(l.ccgPerHead())).toList()),
				new GroupedChart.Series("Peer CCGs", lines.stream().map(l -> pounds(l.peersPerHead())).toList()),
				new GroupedChart.Series("England", lines.stream().map(l -> pounds(l.englandPerHead())).toList())));
	}

	/** A grouped bar chart as finance-charts.js reads it: the services and, per series, an amount each. */
	record GroupedChart(List<String> services, List<Series> series) {

		record Series(String name, List<BigDecimal> values) {
		}
	}
}
