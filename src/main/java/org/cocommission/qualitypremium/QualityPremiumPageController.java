package org.cocommission.qualitypremium;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.platform.FinancialYear;

/** The quality premium home: the steps of a year, in order, with a link or form for each; and compute. */
@Controller
@RequestMapping("/quality-premium")
class QualityPremiumPageController {

	private final QualityPremium service;

	private final QualityPremiumSchemes schemes;

	QualityPremiumPageController(QualityPremium service, QualityPremiumSchemes schemes) {
		this.service = service;
		this.schemes = schemes;
	}

	static String path(FinancialYear year) {
		return year.toString().replace('/', '-');
	}

	@GetMapping
	String home(Model model) {
		List<Scheme> all = schemes.schemes();
		boolean national = service.isNational();
		model.addAttribute("schemes", all);
		model.addAttribute("national", national);
		model.addAttribute("runs", national ? service.runs() : List.of());
		Map<String, List<CcgResultRow>> published = new LinkedHashMap<>();
		if (!national) {
			for (Scheme scheme : all) {
				List<CcgResultRow> rows = service.visiblePublishedResults(scheme.year());
				if (!rows.isEmpty()) {
					published.put(scheme.year().toString(), rows);
				}
			}
		}
		model.addAttribute("published", published);
		return "qualitypremium/home";
	}

	@PostMapping("/runs")
	String compute(@RequestParam(required = false) String year, Model model) {
		try {
			if (year == null || year.isBlank()) {
				throw new IllegalArgumentException("Choose the scheme year to compute");
			}
			RunSummary run = service.compute(FinancialYear.parse(year));
			return "redirect:/quality-premium/runs/" + run.id();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			return home(model);
		}
	}
}
