package org.cocommission.qualitypremium.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

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
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;
import org.cocommission.qualitypremium.QualityPremium;
import org.cocommission.qualitypremium.QualityPremiumPageController;
import org.cocommission.qualitypremium.RunSummary;

/** A run's national view (totals, distribution, every CCG, downloads, publish), one CCG's result and statements. */
@Controller
@RequestMapping("/quality-premium")
class RunPageController {

	private static final int PAGE_SIZE = 50;

	private final QualityPremium service;

	private final TemplateEngine templates;

	private final JsonMapper json;

	RunPageController(QualityPremium service, TemplateEngine templates, JsonMapper json) {
		this.service = service;
		this.templates = templates;
		this.json = json;
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "award") String sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<CcgResultRow> rows = service.results(id, sort);
		int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		Map<String, Integer> bands = bands(rows);
		model.addAttribute("run", service.run(id));
		model.addAttribute("rows", rows.subList(current * PAGE_SIZE, Math.min(rows.size(), (current + 1) * PAGE_SIZE)));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("sort", "code".equals(sort) ? "code" : "award");
		model.addAttribute("bands", bands);
		model.addAttribute("chart", json.writeValueAsString(chart(bands)));
		return "qualitypremium/run";
	}

	/** The bands' labels and their counts of CCGs, in the same order. */
	static Chart chart(Map<String, Integer> bands) {
		return new Chart(List.copyOf(bands.keySet()), List.copyOf(bands.values()));
	}

	/** The chart as qualitypremium-charts.js reads it: the bands' labels and their counts of CCGs. */
	record Chart(List<String> labels, List<Integer> values) {
	}

	/** CCGs by % of their maximum awarded, in bands of 12.5% (one 2013/14 local measure's weight). */
	static Map<String, Integer> bands(List<CcgResultRow> rows) {
		Map<String, Integer> bands = new LinkedHashMap<>();
		bands.put("Nothing", 0);
		String[] labels = { "0-12.5%", "12.5-25%", "25-37.5%", "37.5-50%", "50-62.5%", "62.5-75%", "75-87.5%",
				"87.5-100%" };
		for (String label : labels) {
			bands.put(label, 0);
		}
		for (CcgResultRow row : rows) {
			double percent = row.percentOfMaximum().doubleValue();
			String band = percent == 0 ? "Nothing" : labels[Math.min(7, (int) Math.ceil(percent / 12.5) - 1)];
			bands.merge(band, 1, Integer::sum);
		}
		return bands;
	}

	private Table table(long id) {
		RunSummary run = service.run(id);
		return new Table("Quality premium " + QualityPremiumPageController.path(run.year()) + " run " + id,
				List.of("CCG code", "CCG", "Population", "Maximum", "Earned", "Reduction", "Final award", "% of maximum",
						"Gateways passed", "Standards missed"),
				service.results(id, "code").stream().map(r -> List.<Object>of(r.ccgCode(), r.ccgName(), r.population(),
						r.maximum(), r.earned(), r.reduction(), r.finalAward(), r.percentOfMaximum(),
						r.gatewaysPassed() ? "Yes" : "No", r.standardsMissed())).toList());
	}

	@GetMapping("/runs/{id}/results.csv")
	ResponseEntity<String> csv(@PathVariable long id) {
		return Exports.csvDownload(table(id), "quality-premium-run-" + id + ".csv");
	}

	@GetMapping("/runs/{id}/results.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return Exports.xlsxDownload("quality-premium-run-" + id + ".xlsx", table(id));
	}

	/** What publishing will change, for whom, before it is done (and, for a run with missing inputs, the override). */
	@GetMapping("/runs/{id}/publish")
	String confirmPublish(@PathVariable long id, Model model) {
		model.addAttribute("form", new PublishForm(null));
		return publishPage(id, model);
	}

	private String publishPage(long id, Model model) {
		model.addAttribute("run", service.run(id));
		model.addAttribute("replaces", service.publishedBefore(id).orElse(null));
		return "qualitypremium/publish";
	}

	@PostMapping("/runs/{id}/publish")
	String publish(@PathVariable long id, @Valid @ModelAttribute("form") PublishForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return publishPage(id, model);
		}
		try {
			service.publish(id, form.override());
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return publishPage(id, model);
		}
		catch (IllegalArgumentException ex) {
			result.reject("refused", ex.getMessage());
			return publishPage(id, model);
		}
		redirect.addAttribute("published", "");
		return "redirect:/quality-premium/runs/" + id;
	}

	@GetMapping("/runs/{id}/reproduce")
	String reproduce(@PathVariable long id, Model model) {
		model.addAttribute("reproduction", service.reproduce(id));
		return run(id, "award", 0, model);
	}

	@GetMapping("/runs/{id}/ccgs/{code}")
	String result(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String measure,
			@RequestParam(required = false) Boolean achieved, @RequestParam(required = false) String standard,
			@RequestParam(required = false) Boolean met, Model model) {
		model.addAttribute("result", service.result(id, code.toUpperCase()));
		model.addAttribute("national", service.isNational());
		WhatIf whatIf = new WhatIf(measure, measure == null || measure.isBlank() ? null : achieved, standard,
				standard == null || standard.isBlank() ? null : met);
		if (!whatIf.isEmpty()) {
			model.addAttribute("whatIf", service.whatIf(id, code.toUpperCase(), whatIf));
		}
		return "qualitypremium/result";
	}

	@GetMapping("/statements/{year}/{code}")
	String statement(@PathVariable FinancialYear year, @PathVariable String code, Model model) {
		model.addAttribute("result", service.statement(year, code.toUpperCase()));
		model.addAttribute("yearPath", QualityPremiumPageController.path(year));
		return "qualitypremium/statement";
	}

	@GetMapping("/statements/{year}/{code}.pdf")
	ResponseEntity<byte[]> statementPdf(@PathVariable FinancialYear year, @PathVariable String code) {
		CcgResult result = service.statement(year, code.toUpperCase());
		Context context = new Context();
		context.setVariable("result", result);
		return Exports.pdfDownload(templates.process("qualitypremium/statement-print", context),
				"quality-premium-" + QualityPremiumPageController.path(year) + "-" + result.ccgCode() + ".pdf");
	}
}
