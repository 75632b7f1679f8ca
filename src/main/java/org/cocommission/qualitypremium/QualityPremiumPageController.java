package org.cocommission.qualitypremium;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Table;

@Controller
@RequestMapping("/quality-premium")
class QualityPremiumPageController {

	private final QualityPremium service;

	private final TemplateEngine templates;

	private final JsonMapper json;

	QualityPremiumPageController(QualityPremium service, TemplateEngine templates, JsonMapper json) {
		this.service = service;
		this.templates = templates;
		this.json = json;
	}

	private static String path(FinancialYear year) {
		return year.toString().replace('/', '-');
	}

	@GetMapping
	String home(Model model) {
		List<Scheme> schemes = service.schemes();
		model.addAttribute("schemes", schemes);
		model.addAttribute("national", service.isNational());
		if (service.isNational()) {
			model.addAttribute("runs", service.runs());
		}
		Map<String, List<CcgResultRow>> published = new java.util.LinkedHashMap<>();
		for (Scheme scheme : schemes) {
			List<CcgResultRow> rows = service.visiblePublishedResults(scheme.year());
			if (!rows.isEmpty() && !service.isNational()) {
				published.put(scheme.year().toString(), rows);
			}
		}
		model.addAttribute("published", published);
		return "qualitypremium/home";
	}

	@GetMapping("/schemes/{year}")
	String scheme(@PathVariable String year, Model model) {
		model.addAttribute("scheme", service.scheme(FinancialYear.parse(year)));
		model.addAttribute("national", service.isNational());
		model.addAttribute("yearPath", year);
		return "qualitypremium/scheme";
	}

	@PostMapping("/schemes/{year}/copy")
	String copy(@PathVariable String year, @RequestParam String to) {
		Scheme copy = service.copyScheme(FinancialYear.parse(year), FinancialYear.parse(to));
		return "redirect:/quality-premium/schemes/" + path(copy.year());
	}

	@PostMapping("/schemes/{year}")
	String edit(@PathVariable String year, @RequestParam Map<String, String> form, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Map<String, BigDecimal> weights = new HashMap<>();
		Map<String, BigDecimal> reductions = new HashMap<>();
		List<String> errors = new ArrayList<>();
		form.forEach((key, value) -> {
			try {
				if (key.startsWith("weight_")) {
					weights.put(key.substring(7), new BigDecimal(value.trim()));
				}
				else if (key.startsWith("reduction_")) {
					reductions.put(key.substring(10), new BigDecimal(value.trim()));
				}
			}
			catch (NumberFormatException ex) {
				errors.add("'" + value + "' is not a number (" + key + ")");
			}
		});
		BigDecimal perHead = null;
		try {
			perHead = new BigDecimal(form.getOrDefault("maxPerHead", "").trim());
		}
		catch (NumberFormatException ex) {
			errors.add("The maximum per head must be an amount such as 5.00");
		}
		if (errors.isEmpty()) {
			try {
				service.editScheme(financialYear, new SchemeEdit(Integer.parseInt(form.getOrDefault("version", "-1")),
						perHead, ReductionMode.valueOf(form.getOrDefault("reductionMode", "ADDITIVE")), weights, null,
						null, reductions));
				return "redirect:/quality-premium/schemes/" + year + "?saved";
			}
			catch (IllegalArgumentException ex) {
				errors.add(ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return scheme(year, model);
	}

	@GetMapping("/data")
	String data(@RequestParam(required = false) String year, Model model) {
		List<Scheme> schemes = service.schemes();
		FinancialYear selected = year == null ? schemes.get(0).year() : FinancialYear.parse(year);
		model.addAttribute("schemes", schemes);
		model.addAttribute("selectedYear", selected.toString());
		model.addAttribute("recent", service.recentImports(selected));
		return "qualitypremium/data";
	}

	@PostMapping("/data")
	String upload(@RequestParam String year, @RequestParam(required = false) MultipartFile file, Model model)
			throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "Choose a CSV file to upload");
		}
		else {
			model.addAttribute("report", service.importData(FinancialYear.parse(year), file.getOriginalFilename(),
					file.getBytes()));
		}
		return data(year, model);
	}

	@PostMapping("/runs")
	String compute(@RequestParam String year) {
		RunSummary run = service.compute(FinancialYear.parse(year));
		return "redirect:/quality-premium/runs/" + run.id();
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "award") String sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<CcgResultRow> rows = service.results(id, sort);
		RunSummary run = service.run(id);
		int size = 50;
		int pages = Math.max(1, (rows.size() + size - 1) / size);
		int current = Math.min(Math.max(page, 0), pages - 1);
		model.addAttribute("run", run);
		model.addAttribute("rows", rows.subList(current * size, Math.min(rows.size(), (current + 1) * size)));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("sort", sort);
		model.addAttribute("bands", bands(rows));
		model.addAttribute("chart", json.writeValueAsString(Map.of("labels", bands(rows).keySet(), "values",
				bands(rows).values())));
		return "qualitypremium/run";
	}

	/** CCGs by % of their maximum awarded, in bands of 12.5% (one 2013/14 local measure's weight). */
	static Map<String, Integer> bands(List<CcgResultRow> rows) {
		Map<String, Integer> bands = new java.util.LinkedHashMap<>();
		bands.put("0%", 0);
		String[] labels = { "0-12.5%", "12.5-25%", "25-37.5%", "37.5-50%", "50-62.5%", "62.5-75%", "75-87.5%", "87.5-100%" };
		for (String label : labels) {
			bands.put(label, 0);
		}
		for (CcgResultRow row : rows) {
			double percent = row.percentOfMaximum().doubleValue();
			String band = percent == 0 ? "0%" : labels[Math.min(7, (int) Math.ceil(percent / 12.5) - 1)];
			bands.merge(band, 1, Integer::sum);
		}
		return bands;
	}

	private Table table(long id) {
		RunSummary run = service.run(id);
		return new Table("Quality premium " + run.year().toString().replace('/', '-'),
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

	@PostMapping("/runs/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		service.publish(id);
		return "redirect:/quality-premium/runs/" + id;
	}

	@GetMapping("/runs/{id}/ccgs/{code}")
	String result(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String measure,
			@RequestParam(required = false) Boolean achieved, @RequestParam(required = false) String standard,
			@RequestParam(required = false) Boolean met, Model model) {
		CcgResult result = service.result(id, code.toUpperCase());
		model.addAttribute("result", result);
		model.addAttribute("national", service.isNational());
		WhatIf whatIf = new WhatIf(measure, measure == null || measure.isBlank() ? null : achieved, standard,
				standard == null || standard.isBlank() ? null : met);
		if (!whatIf.isEmpty()) {
			model.addAttribute("whatIf", service.whatIf(id, code.toUpperCase(), whatIf));
		}
		return "qualitypremium/result";
	}

	@GetMapping("/statements/{year}/{code}")
	String statement(@PathVariable String year, @PathVariable String code, Model model) {
		model.addAttribute("result", service.statement(FinancialYear.parse(year), code.toUpperCase()));
		model.addAttribute("yearPath", year);
		return "qualitypremium/statement";
	}

	@GetMapping("/statements/{year}/{code}.pdf")
	ResponseEntity<byte[]> statementPdf(@PathVariable String year, @PathVariable String code) {
		CcgResult result = service.statement(FinancialYear.parse(year), code.toUpperCase());
		Context context = new Context();
		context.setVariable("result", result);
		return Exports.pdfDownload(templates.process("qualitypremium/statement-print", context),
				"quality-premium-" + year + "-" + result.ccgCode() + ".pdf");
	}

	@GetMapping("/local-measures")
	String localMeasures(@RequestParam(required = false) String year, Model model) {
		List<Scheme> schemes = service.schemes();
		FinancialYear selected = year == null ? schemes.get(0).year() : FinancialYear.parse(year);
		model.addAttribute("schemes", schemes);
		model.addAttribute("scheme", service.scheme(selected));
		model.addAttribute("measures", service.localMeasures(selected));
		model.addAttribute("ownCcg", service.ownCcg().orElse(null));
		return "qualitypremium/local-measures";
	}

	@PostMapping("/local-measures")
	String propose(@RequestParam String year, @RequestParam String ccgCode, @RequestParam String slotCode,
			@RequestParam String title, @RequestParam String description, Model model) {
		try {
			service.proposeLocalMeasure(FinancialYear.parse(year), ccgCode, slotCode, title, description);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			return localMeasures(year, model);
		}
		return "redirect:/quality-premium/local-measures?year=" + year;
	}

	@PostMapping("/local-measures/{id}/decision")
	String decide(@PathVariable long id, @RequestParam String year, @RequestParam int version,
			@RequestParam String decision, @RequestParam(required = false) String reason, Model model) {
		try {
			if ("agree".equals(decision)) {
				service.agreeLocalMeasure(id, version);
			}
			else {
				service.rejectLocalMeasure(id, version, reason);
			}
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			return localMeasures(year, model);
		}
		return "redirect:/quality-premium/local-measures?year=" + year;
	}
}
