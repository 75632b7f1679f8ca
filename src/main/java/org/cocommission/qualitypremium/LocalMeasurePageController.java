package org.cocommission.qualitypremium;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.platform.FinancialYear;

/** Local measures: a CCG proposes, its area team agrees or rejects with a reason. */
@Controller
@RequestMapping("/quality-premium/local-measures")
class LocalMeasurePageController {

	private final LocalMeasures localMeasures;

	private final QualityPremiumSchemes schemes;

	LocalMeasurePageController(LocalMeasures localMeasures, QualityPremiumSchemes schemes) {
		this.localMeasures = localMeasures;
		this.schemes = schemes;
	}

	@GetMapping
	String localMeasures(@RequestParam(required = false) String year, Model model) {
		List<Scheme> all = schemes.schemes();
		if (all.isEmpty()) {
			throw new java.util.NoSuchElementException("There is no quality premium scheme yet");
		}
		FinancialYear selected = year == null || year.isBlank() ? all.get(0).year() : FinancialYear.parse(year);
		model.addAttribute("schemes", all);
		model.addAttribute("scheme", schemes.scheme(selected));
		model.addAttribute("measures", localMeasures.localMeasures(selected));
		model.addAttribute("ownCcg", localMeasures.ownCcg().orElse(null));
		model.addAttribute("canDecide", localMeasures.canDecide());
		return "qualitypremium/local-measures";
	}

	@PostMapping
	String propose(@RequestParam String year, @RequestParam String ccgCode, @RequestParam(required = false) String slotCode,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			Model model) {
		try {
			localMeasures.propose(FinancialYear.parse(year), ccgCode, slotCode == null ? "" : slotCode, title, description);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("problemField", ex.getMessage().contains("title") ? "title" : "description");
			model.addAttribute("proposal", new String[] { slotCode, title, description });
			return localMeasures(year, model);
		}
		return "redirect:/quality-premium/local-measures?year=" + year + "&proposed";
	}

	@PostMapping("/{id}/decision")
	String decide(@PathVariable long id, @RequestParam String year, @RequestParam int version,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String reason, Model model) {
		try {
			if ("agree".equals(decision)) {
				localMeasures.agree(id, version);
			}
			else if ("reject".equals(decision)) {
				localMeasures.reject(id, version, reason);
			}
			else {
				throw new IllegalArgumentException("Choose whether to agree or reject the local measure");
			}
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("problemField", "reason-" + id);
			return localMeasures(year, model);
		}
		return "redirect:/quality-premium/local-measures?year=" + year + "&decided";
	}
}
