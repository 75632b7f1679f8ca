package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.cocommission.outcomes.Indicators;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.QualityPremium;
import org.cocommission.qualitypremium.QualityPremiumPageController;

/** A scheme's page: its measures, standards and gateways; editing a draft; copying to a new year. */
@Controller
@RequestMapping("/quality-premium/schemes")
class SchemePageController {

	/** The copy form: the year of the new draft scheme. */
	record CopyForm(@NotNull(message = "Enter the financial year of the new scheme, such as 2015/16") FinancialYear to) {
	}

	/**
	 * The edit form of a draft: the maximum per head, how reductions combine, and by measure or standard code its
	 * weight and target, threshold and reduction (percentages; a code left blank keeps its value).
	 */
	record SchemeForm(@NotNull(message = "Reload the page and edit again") Integer version,
			@NotNull(message = "Enter the maximum per head as an amount such as 5.00") BigDecimal maxPerHead,
			ReductionMode reductionMode, Map<String, BigDecimal> weight, Map<String, BigDecimal> target,
			Map<String, BigDecimal> threshold, Map<String, BigDecimal> reduction) {

		/** Codes not sent are left out (they keep their value), so the form is shown again whatever was sent. */
		SchemeForm {
			weight = weight == null ? new LinkedHashMap<>() : weight;
			target = target == null ? new LinkedHashMap<>() : target;
			threshold = threshold == null ? new LinkedHashMap<>() : threshold;
			reduction = reduction == null ? new LinkedHashMap<>() : reduction;
		}

		static SchemeForm of(Scheme scheme) {
			Map<String, BigDecimal> weight = new LinkedHashMap<>();
			Map<String, BigDecimal> target = new LinkedHashMap<>();
			scheme.measures().forEach(measure -> {
				weight.put(measure.code(), plain(measure.weightPercent()));
				if (measure.target() != null) {
					target.put(measure.code(), plain(measure.target()));
				}
			});
			Map<String, BigDecimal> threshold = new LinkedHashMap<>();
			Map<String, BigDecimal> reduction = new LinkedHashMap<>();
			scheme.standards().forEach(standard -> {
				threshold.put(standard.code(), plain(standard.thresholdPercent()));
				reduction.put(standard.code(), plain(standard.reductionPercent()));
			});
			return new SchemeForm(scheme.version(), scheme.maxPerHead(), scheme.reductionMode(), weight, target,
					threshold, reduction);
		}

		SchemeEdit edit() {
			return new SchemeEdit(version, maxPerHead, reductionMode == null ? ReductionMode.ADDITIVE : reductionMode,
					given(weight), given(target), given(threshold), given(reduction));
		}

		private static Map<String, BigDecimal> given(Map<String, BigDecimal> values) {
			Map<String, BigDecimal> given = new HashMap<>();
			values.forEach((code, value) -> {
				if (value != null) {
					given.put(code, value);
				}
			});
			return given;
		}

		private static BigDecimal plain(BigDecimal number) {
			BigDecimal stripped = number.stripTrailingZeros();
			return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
		}
	}

	/** Which outcomes indicator feeds each measure, by measure code (blank: uploads only). */
	record IndicatorsForm(@NotNull(message = "Reload the page and choose again") Integer version,
			Map<String, String> indicator) {

		IndicatorsForm {
			indicator = indicator == null ? new LinkedHashMap<>() : indicator;
		}
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
	String scheme(@PathVariable FinancialYear year, Model model) {
		Scheme scheme = schemes.scheme(year);
		model.addAttribute("scheme", scheme);
		model.addAttribute("indicatorIds", schemes.indicatorMapping(year));
		model.addAttribute("measureCodes", scheme.measures().stream()
			.flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m), m.parts().stream()))
			.map(Measure::code)
			.toList());
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("national", service.isNational());
		model.addAttribute("yearPath", QualityPremiumPageController.path(year));
		model.addAttribute("publishedRun", service.publishedRun(year).orElse(null));
		Map<String, String> reductionModes = new LinkedHashMap<>();
		reductionModes.put(ReductionMode.ADDITIVE.name(), "Added (default)");
		reductionModes.put(ReductionMode.COMPOUND.name(), "Compounded");
		model.addAttribute("reductionModes", reductionModes);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SchemeForm.of(scheme));
		}
		if (!model.containsAttribute("copy")) {
			model.addAttribute("copy", new CopyForm(null));
		}
		if (!model.containsAttribute("indicatorsForm")) {
			model.addAttribute("indicatorsForm", new IndicatorsForm(scheme.version(), Map.of()));
		}
		return "qualitypremium/scheme";
	}

	@PostMapping("/{year}/copy")
	String copy(@PathVariable FinancialYear year, @Valid @ModelAttribute("copy") CopyForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				Scheme copy = schemes.copyScheme(year, form.to());
				return "redirect:/quality-premium/schemes/" + QualityPremiumPageController.path(copy.year())
						+ "?copied";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return scheme(year, model);
	}

	@PostMapping("/{year}")
	String edit(@PathVariable FinancialYear year, @Valid @ModelAttribute("form") SchemeForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				schemes.editScheme(year, form.edit());
				return "redirect:/quality-premium/schemes/" + QualityPremiumPageController.path(year) + "?saved";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return scheme(year, model);
	}

	@PostMapping("/{year}/indicators")
	String mapIndicators(@PathVariable FinancialYear year,
			@Valid @ModelAttribute("indicatorsForm") IndicatorsForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				schemes.mapIndicators(year, form.version(), form.indicator());
				return "redirect:/quality-premium/schemes/" + QualityPremiumPageController.path(year) + "?saved";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return scheme(year, model);
	}
}
