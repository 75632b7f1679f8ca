package org.cocommission.finance;

import java.util.NoSuchElementException;

import org.cocommission.finance.budgets.IndicativeBudgets;
import org.cocommission.finance.globalsum.GlobalSumPayments;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.Role;
import org.cocommission.platform.Exports;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The finance home page, linking every finance page, and the practice global sum pages. */
@Controller
@RequestMapping("/finance")
class FinanceHomeController {

	private final IndicativeBudgets budgets;

	private final GlobalSumPayments globalSum;

	private final AccessPolicy access;

	FinanceHomeController(IndicativeBudgets budgets, GlobalSumPayments globalSum, AccessPolicy access) {
		this.budgets = budgets;
		this.globalSum = globalSum;
		this.access = access;
	}

	@GetMapping
	String index(Model model) {
		var user = access.requireUser();
		model.addAttribute("years", budgets.years());
		model.addAttribute("national", user.isNational());
		model.addAttribute("ownCcg", user.role() == Role.CCG ? user.organisationCode() : null);
		return "finance/index";
	}

	/** Chooses a CCG (among those the user may see) whose practices' global sum to show. */
	@GetMapping("/global-sum")
	String chooseCcg(@RequestParam(required = false) String ccg, Model model) {
		if (ccg != null && !ccg.isBlank()) {
			return "redirect:/finance/global-sum/" + ccg.trim().toUpperCase();
		}
		model.addAttribute("ccgs", globalSum.visibleCcgs());
		return "finance/global-sum-choose";
	}

	@GetMapping("/global-sum/{ccgCode}")
	String globalSum(@PathVariable String ccgCode, Model model) {
		String code = ccgCode.toUpperCase();
		model.addAttribute("ccgCode", code);
		try {
			model.addAttribute("sum", globalSum.forCcg(code));
		}
		catch (NoSuchElementException nothingYet) {
			model.addAttribute("sum", null);
			model.addAttribute("empty", nothingYet.getMessage());
		}
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
}
