package org.cocommission.qualitypremium;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.runs.CcgResultRow;
import org.cocommission.qualitypremium.schemes.Percent;
import org.cocommission.qualitypremium.schemes.QualityPremiumSchemes;
import org.cocommission.qualitypremium.schemes.Scheme;

/** The quality premium home: the steps of a year, in order, with a link or form for each; and compute. */
@Controller
@RequestMapping("/quality-premium")
public class QualityPremiumPageController {

	private final QualityPremium service;

	private final QualityPremiumSchemes schemes;

	QualityPremiumPageController(QualityPremium service, QualityPremiumSchemes schemes) {
		this.service = service;
		this.schemes = schemes;
	}

	public static String path(FinancialYear year) {
		return year.toString().replace('/', '-');
	}

	/** The compute form: the scheme year to compute every CCG's premium for. */
	record ComputeForm(@NotNull(message = "Choose the scheme year to compute") FinancialYear year) {
	}

	@GetMapping
	String home(Model model) {
		List<Scheme> all = schemes.schemes();
		boolean national = service.isNational();
		if (!model.containsAttribute("compute")) {
			// The year just uploaded, rather than the first in the list (often the year already published).
			FinancialYear suggested = national ? service.lastUploadedYear()
				.filter(year -> all.stream().anyMatch(scheme -> scheme.year().equals(year)))
				.orElse(all.isEmpty() ? null : all.get(0).year()) : null;
			model.addAttribute("compute", new ComputeForm(suggested));
		}
		if (national) {
			ComputeForm form = (ComputeForm) model.getAttribute("compute");
			all.stream().filter(scheme -> form != null && scheme.year().equals(form.year()))
				.filter(scheme -> !scheme.localMeasures().isEmpty())
				.findFirst()
				.ifPresent(scheme -> {
					model.addAttribute("localShare", Percent.format(scheme.localShare()));
					model.addAttribute("localAgreed", service.ccgsWithLocalMeasuresAgreed(scheme.year()));
					model.addAttribute("localYear", scheme.year().toString());
				});
		}
		Map<String, String> years = new LinkedHashMap<>();
		all.forEach(scheme -> years.put(scheme.year().toString(), scheme.year().toString()));
		model.addAttribute("years", years);
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
	String compute(@Valid @ModelAttribute("compute") ComputeForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				return "redirect:/quality-premium/runs/" + service.compute(form.year()).id();
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return home(model);
	}
}
