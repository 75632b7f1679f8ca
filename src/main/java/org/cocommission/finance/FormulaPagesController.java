package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Formula versions: anyone signed in reads them; national users create, edit and publish drafts. */
@Controller
@RequestMapping("/finance/formulas")
class FormulaPagesController {

	private final FinanceFormulas formulas;

	private final AccessPolicy access;

	FormulaPagesController(FinanceFormulas formulas, AccessPolicy access) {
		this.formulas = formulas;
		this.access = access;
	}

	@GetMapping
	String list(Model model) {
		return listPage(model, Map.of(), nextYear());
	}

	@PostMapping
	String newDraft(@RequestParam(required = false) Long copyOf, @RequestParam(defaultValue = "") String year,
			Model model) {
		access.checkNational();
		FinancialYear effective;
		try {
			effective = FinancialYear.parse(year.trim());
		}
		catch (RuntimeException ex) {
			return listPage(model, Map.of("new-year", "Enter the effective financial year like 2015/16"), year);
		}
		FormulaView draft;
		if (copyOf != null) {
			draft = formulas.copyAsDraft(copyOf, effective);
		}
		else {
			Map<String, BigDecimal> ones = new LinkedHashMap<>();
			PopulationQueries.AGE_BANDS.forEach(band -> ones.put(band, BigDecimal.ONE));
			draft = formulas.createDraft(new FormulaDraft("Draft formula " + effective, effective, new BigDecimal("0.10"),
					new BigDecimal("0.15"), new CostCurve(ones, ones), Map.of()));
		}
		return "redirect:/finance/formulas/" + draft.id();
	}

	@GetMapping("/{id}")
	String formula(@PathVariable long id, Model model) {
		FormulaView formula = formulas.get(id);
		return formulaPage(model, formula, fields(formula), Map.of(), factorsText(formula));
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> fields,
			Model model) {
		FormulaView formula = formulas.get(id);
		FinanceForms.Parsed<FormulaDraft> parsed = FinanceForms.formula(fields);
		if (!parsed.ok()) {
			return formulaPage(model, formula, fields, parsed.errors(), factorsText(formula));
		}
		try {
			formulas.updateDraft(id, version, parsed.value());
		}
		catch (IllegalArgumentException refused) {
			return formulaPage(model, formula, fields, Map.of("name", refused.getMessage()), factorsText(formula));
		}
		return "redirect:/finance/formulas/" + id + "?saved";
	}

	@PostMapping("/{id}/ccg-factors")
	String saveFactors(@PathVariable long id, @RequestParam int version, @RequestParam(defaultValue = "") String factors,
			Model model) {
		FormulaView formula = formulas.get(id);
		FinanceForms.Parsed<List<CcgFactor>> parsed = FinanceForms.ccgFactors(factors);
		Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
		if (parsed.ok()) {
			try {
				formulas.setCcgFactors(id, version, parsed.value());
				return "redirect:/finance/formulas/" + id + "?saved";
			}
			catch (IllegalArgumentException refused) {
				errors.put("factors", refused.getMessage());
			}
		}
		return formulaPage(model, formula, fields(formula), errors, factors);
	}

	@PostMapping("/{id}/practice-factors")
	String savePracticeFactors(@PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "") String practiceFactors, Model model) {
		FormulaView formula = formulas.get(id);
		FinanceForms.Parsed<List<PracticeFactor>> parsed = FinanceForms.practiceFactors(practiceFactors);
		Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
		if (parsed.ok()) {
			try {
				formulas.setPracticeFactors(id, version, parsed.value());
				return "redirect:/finance/formulas/" + id + "?saved";
			}
			catch (IllegalArgumentException refused) {
				errors.put("practiceFactors", refused.getMessage());
			}
		}
		model.addAttribute("practiceFactorsText", practiceFactors);
		return formulaPage(model, formula, fields(formula), errors, factorsText(formula));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, @RequestParam int version, Model model) {
		try {
			formulas.publish(id, version);
		}
		catch (IllegalArgumentException refused) {
			FormulaView formula = formulas.get(id);
			return formulaPage(model, formula, fields(formula), Map.of("name", refused.getMessage()),
					factorsText(formula));
		}
		return "redirect:/finance/formulas/" + id + "?published";
	}

	@GetMapping("/{id}/cost-curve.csv")
	ResponseEntity<String> costCurveCsv(@PathVariable long id) {
		return Exports.csvDownload(FinanceTables.formulaWeights(formulas.get(id)), "cost-curve-" + id + ".csv");
	}

	@GetMapping("/{id}/cost-curve.xlsx")
	ResponseEntity<byte[]> costCurveXlsx(@PathVariable long id) {
		FormulaView formula = formulas.get(id);
		return Exports.xlsxDownload("formula-" + id + ".xlsx", FinanceTables.formulaWeights(formula),
				FinanceTables.ccgFactors(formula), FinanceTables.globalSumCoefficients(formula),
				FinanceTables.practiceFactors(formulas.practiceFactors(id)));
	}

	private String listPage(Model model, Map<String, String> errors, String year) {
		model.addAttribute("formulas", formulas.list());
		model.addAttribute("national", access.requireUser().isNational());
		model.addAttribute("errors", errors);
		model.addAttribute("newYear", year);
		return "finance/formulas";
	}

	private String formulaPage(Model model, FormulaView formula, Map<String, String> fields, Map<String, String> errors,
			String factors) {
		model.addAttribute("formula", formula);
		model.addAttribute("national", access.requireUser().isNational());
		model.addAttribute("bands", PopulationQueries.AGE_BANDS);
		model.addAttribute("fields", fields);
		model.addAttribute("errors", errors);
		model.addAttribute("factors", factors);
		model.addAttribute("practiceFactorCount", formulas.practiceFactors(formula.id()).size());
		if (!model.containsAttribute("practiceFactorsText")) {
			model.addAttribute("practiceFactorsText", "");
		}
		return "finance/formula";
	}

	private String nextYear() {
		return formulas.list().stream().map(FormulaView::effectiveYear).max(FinancialYear::compareTo)
			.map(FinancialYear::next).orElse(new FinancialYear(2014)).toString();
	}

	private static String factorsText(FormulaView formula) {
		StringBuilder text = new StringBuilder();
		for (CcgFactor factor : formula.ccgFactors()) {
			text.append(factor.ccgCode()).append(',').append(factor.additionalNeed().stripTrailingZeros().toPlainString())
				.append(',').append(factor.marketForcesFactor().stripTrailingZeros().toPlainString()).append(',')
				.append(factor.inequalityIndex().stripTrailingZeros().toPlainString()).append('\n');
		}
		return text.toString();
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
