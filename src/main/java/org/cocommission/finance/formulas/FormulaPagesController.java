package org.cocommission.finance.formulas;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.CcgFactor;
import org.cocommission.finance.CostCurve;
import org.cocommission.finance.FinanceFormulas;
import org.cocommission.finance.FinanceTables;
import org.cocommission.finance.FormulaDraft;
import org.cocommission.finance.FormulaView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Formula versions: anyone signed in reads them; national users create, edit and publish drafts. */
@Controller
@RequestMapping("/finance/formulas")
public class FormulaPagesController {

	private final FinanceFormulas formulas;

	private final AccessPolicy access;

	FormulaPagesController(FinanceFormulas formulas, AccessPolicy access) {
		this.formulas = formulas;
		this.access = access;
	}

	/** A new draft: the year it takes effect, copying a formula's settings or (none) starting from a flat curve. */
	record NewFormulaForm(@NotNull(message = "Enter the effective financial year like 2015/16") FinancialYear year,
			Long copyOf) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("newFormula", new NewFormulaForm(nextYear(), null));
		return listPage(model);
	}

	@PostMapping
	String newDraft(@Valid @ModelAttribute("newFormula") NewFormulaForm form, BindingResult result, Model model) {
		access.checkNational();
		if (result.hasErrors()) {
			return listPage(model);
		}
		FormulaView draft;
		if (form.copyOf() != null) {
			draft = formulas.copyAsDraft(form.copyOf(), form.year());
		}
		else {
			Map<String, BigDecimal> ones = new LinkedHashMap<>();
			PopulationQueries.AGE_BANDS.forEach(band -> ones.put(band, BigDecimal.ONE));
			draft = formulas.createDraft(new FormulaDraft("Draft formula " + form.year(), form.year(),
					new BigDecimal("0.10"), new BigDecimal("0.15"), new CostCurve(ones, ones), Map.of()));
		}
		return "redirect:/finance/formulas/" + draft.id();
	}

	@GetMapping("/{id}")
	String formula(@PathVariable long id, Model model) {
		FormulaView formula = formulas.get(id);
		model.addAttribute("form", FormulaForm.of(formula));
		return formulaPage(model, formula);
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") FormulaForm form,
			BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				formulas.updateDraft(id, version, form.draft());
				return "redirect:/finance/formulas/" + id + "?saved";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return formulaPage(model, formulas.get(id));
	}

	@PostMapping("/{id}/ccg-factors")
	String saveFactors(@PathVariable long id, @RequestParam int version,
			@ModelAttribute("ccgFactors") PastedFactors.CcgFactorsForm form, BindingResult result, Model model) {
		FormulaView formula = formulas.get(id);
		try {
			formulas.setCcgFactors(id, version, form.rows());
			return "redirect:/finance/formulas/" + id + "?saved";
		}
		catch (InvalidInputException refused) {
			refused.rejectIn(result);
		}
		model.addAttribute("form", FormulaForm.of(formula));
		return formulaPage(model, formula);
	}

	@PostMapping("/{id}/practice-factors")
	String savePracticeFactors(@PathVariable long id, @RequestParam int version,
			@ModelAttribute("practiceFactors") PastedFactors.PracticeFactorsForm form, BindingResult result,
			Model model) {
		FormulaView formula = formulas.get(id);
		try {
			formulas.setPracticeFactors(id, version, form.rows());
			return "redirect:/finance/formulas/" + id + "?saved";
		}
		catch (InvalidInputException refused) {
			refused.rejectIn(result);
		}
		model.addAttribute("form", FormulaForm.of(formula));
		return formulaPage(model, formula);
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, @RequestParam int version, Model model) {
		try {
			formulas.publish(id, version);
		}
		catch (InvalidInputException refused) {
			FormulaView formula = formulas.get(id);
			FormulaForm form = FormulaForm.of(formula);
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			refused.rejectIn(result);
			model.addAttribute("form", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
			return formulaPage(model, formula);
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

	private String listPage(Model model) {
		List<FormulaView> all = formulas.list();
		model.addAttribute("formulas", all);
		model.addAttribute("national", access.requireUser().isNational());
		Map<String, String> copyOptions = new LinkedHashMap<>();
		all.forEach(formula -> copyOptions.put(String.valueOf(formula.id()), formula.name()));
		copyOptions.put("", "Nothing: start from a flat cost curve");
		model.addAttribute("copyOptions", copyOptions);
		return "finance/formulas";
	}

	/** A formula's page, its forms as first shown unless the request bound one of them. */
	private String formulaPage(Model model, FormulaView formula) {
		model.addAttribute("formula", formula);
		model.addAttribute("national", access.requireUser().isNational());
		model.addAttribute("bands", PopulationQueries.AGE_BANDS);
		model.addAttribute("coefficients", FormulaForm.coefficientNames());
		if (!model.containsAttribute("ccgFactors")) {
			model.addAttribute("ccgFactors", new PastedFactors.CcgFactorsForm(factorsText(formula)));
		}
		if (!model.containsAttribute("practiceFactors")) {
			model.addAttribute("practiceFactors", new PastedFactors.PracticeFactorsForm(""));
		}
		model.addAttribute("practiceFactorCount", formulas.practiceFactors(formula.id()).size());
		return "finance/formula";
	}

	private FinancialYear nextYear() {
		return formulas.list().stream().map(FormulaView::effectiveYear).max(FinancialYear::compareTo)
			.map(FinancialYear::next).orElse(new FinancialYear(2014));
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
}
