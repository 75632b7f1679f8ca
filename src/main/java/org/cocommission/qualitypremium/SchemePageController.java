package org.cocommission.qualitypremium;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.outcomes.Indicators;
import org.cocommission.platform.FinancialYear;

/** A scheme's page: its measures, standards and gateways; editing a draft; copying to a new year. */
@Controller
@RequestMapping("/quality-premium/schemes")
class SchemePageController {

	/** A problem with the form: the field it concerns (its id, for the error summary's link) and the message. */
	record FormError(String field, String message) {
	}

	private final QualityPremiumSchemes schemes;

	private final QualityPremium service;

	private final Indicators indicators;

	SchemePageController(QualityPremiumSchemes schemes, QualityPremium service, Indicators indicators) {
		this.schemes = schemes;
		this.service = service;
		this.indicators = indicators;
	}

	@GetMapping("/{year}")
	String scheme(@PathVariable String year, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Scheme scheme = schemes.scheme(financialYear);
		model.addAttribute("scheme", scheme);
		model.addAttribute("indicatorIds", schemes.indicatorMapping(financialYear));
		model.addAttribute("measureCodes", scheme.measures().stream()
			.flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m), m.parts().stream()))
			.map(Measure::code)
			.toList());
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("national", service.isNational());
		model.addAttribute("yearPath", year);
		model.addAttribute("publishedRun", service.publishedRun(financialYear).orElse(null));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", List.of());
		}
		return "qualitypremium/scheme";
	}

	@PostMapping("/{year}/copy")
	String copy(@PathVariable String year, @RequestParam(required = false) String to, Model model) {
		try {
			if (to == null || to.isBlank()) {
				throw new IllegalArgumentException("Enter the financial year of the new scheme, such as 2015/16");
			}
			Scheme copy = schemes.copyScheme(FinancialYear.parse(year), parseYear(to.trim()));
			return "redirect:/quality-premium/schemes/" + QualityPremiumPageController.path(copy.year()) + "?copied";
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("errors", List.of(new FormError("to", ex.getMessage())));
			model.addAttribute("copyTo", to);
			return scheme(year, model);
		}
	}

	private static FinancialYear parseYear(String text) {
		try {
			return FinancialYear.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a financial year: write it as 2015/16");
		}
	}

	@PostMapping("/{year}")
	String edit(@PathVariable String year, @RequestParam Map<String, String> form, Model model) {
		Map<String, BigDecimal> weights = new HashMap<>();
		Map<String, BigDecimal> targets = new HashMap<>();
		Map<String, BigDecimal> thresholds = new HashMap<>();
		Map<String, BigDecimal> reductions = new HashMap<>();
		List<FormError> errors = new ArrayList<>();
		Map<String, Map<String, BigDecimal>> fields = Map.of("weight_", weights, "target_", targets, "threshold_",
				thresholds, "reduction_", reductions);
		form.forEach((key, value) -> fields.forEach((prefix, into) -> {
			if (key.startsWith(prefix) && value != null && !value.isBlank()) {
				BigDecimal number = number(value);
				if (number == null) {
					errors.add(new FormError(key, "'" + value + "' is not a number (" + key.substring(prefix.length())
							+ ")"));
				}
				else {
					into.put(key.substring(prefix.length()), number);
				}
			}
		}));
		BigDecimal perHead = number(form.getOrDefault("maxPerHead", ""));
		if (perHead == null) {
			errors.add(new FormError("maxPerHead", "Enter the maximum per head as an amount such as 5.00"));
		}
		if (errors.isEmpty()) {
			try {
				schemes.editScheme(FinancialYear.parse(year), new SchemeEdit(version(form), perHead, ReductionMode.valueOf(form.getOrDefault("reductionMode", "ADDITIVE")), weights,
						targets, thresholds, reductions));
				return "redirect:/quality-premium/schemes/" + year + "?saved";
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FormError("edit", ex.getMessage()));
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return scheme(year, model);
	}

	@PostMapping("/{year}/indicators")
	String mapIndicators(@PathVariable String year, @RequestParam Map<String, String> form, Model model) {
		Map<String, String> mapping = new HashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("indicator_")) {
				mapping.put(key.substring("indicator_".length()), value);
			}
		});
		try {
			schemes.mapIndicators(FinancialYear.parse(year), version(form), mapping);
			return "redirect:/quality-premium/schemes/" + year + "?saved";
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("errors", List.of(new FormError("indicators", ex.getMessage())));
			return scheme(year, model);
		}
	}

	private static int version(Map<String, String> form) {
		BigDecimal version = number(form.getOrDefault("version", ""));
		return version == null ? -1 : version.intValue();
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.trim().replace("£", "").replace("%", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
