package org.cocommission.qualitypremium.schemes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.LocalMeasures;

/** Local measures: a CCG proposes, its area team agrees or rejects with a reason. */
@Controller
@RequestMapping("/quality-premium/local-measures")
public class LocalMeasurePageController {

	/** A CCG's proposal for one local slot; the title and description sized as stored. */
	record ProposalForm(@NotNull(message = "Choose the scheme year") FinancialYear year, String ccgCode,
			String slotCode, @Size(max = 300, message = "Keep the title to 300 characters") String title,
			@Size(max = 2000, message = "Keep the description to 2,000 characters") String description) {
	}

	/** An area team's decision on one proposed measure, with the version it read. */
	record DecisionForm(@NotNull(message = "Choose the scheme year") FinancialYear year,
			@NotNull(message = "Reload the page and decide again") Integer version,
			@NotNull(message = "Choose whether to agree or reject the local measure") @Pattern(regexp = "agree|reject",
					message = "Choose whether to agree or reject the local measure") String decision,
			@Size(max = 2000, message = "Keep the reason to 2,000 characters") String reason) {
	}

	private final LocalMeasures localMeasures;

	private final QualityPremiumSchemes schemes;

	LocalMeasurePageController(LocalMeasures localMeasures, QualityPremiumSchemes schemes) {
		this.localMeasures = localMeasures;
		this.schemes = schemes;
	}

	@GetMapping
	public String localMeasures(@RequestParam(required = false) FinancialYear year, Model model) {
		List<Scheme> all = schemes.schemes();
		if (all.isEmpty()) {
			throw new java.util.NoSuchElementException("There is no quality premium scheme yet");
		}
		FinancialYear selected = year == null ? all.get(0).year() : year;
		Scheme scheme = schemes.scheme(selected);
		model.addAttribute("schemes", all);
		model.addAttribute("scheme", scheme);
		model.addAttribute("measures", localMeasures.localMeasures(selected));
		String ownCcg = localMeasures.ownCcg().orElse(null);
		model.addAttribute("ownCcg", ownCcg);
		model.addAttribute("canDecide", localMeasures.canDecide());
		Map<String, String> slots = new LinkedHashMap<>();
		scheme.localMeasures()
			.forEach(slot -> slots.put(slot.code(),
					slot.code() + " (" + slot.weightPercent().stripTrailingZeros().toPlainString() + "%)"));
		model.addAttribute("slots", slots);
		if (!model.containsAttribute("proposal")) {
			model.addAttribute("proposal", new ProposalForm(selected, ownCcg, null, null, null));
		}
		return "qualitypremium/local-measures";
	}

	@PostMapping
	public String propose(@Valid @ModelAttribute("proposal") ProposalForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				localMeasures.propose(form.year(), form.ccgCode(), form.slotCode() == null ? "" : form.slotCode(),
						form.title(), form.description());
				return "redirect:/quality-premium/local-measures?year=" + form.year() + "&proposed";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		return localMeasures(form.year(), model);
	}

	/**
	 * One of the decision forms of the page's table: a problem is shown in the page's summary, linked to that
	 * measure's reason field.
	 */
	@PostMapping("/{id}/decision")
	String decide(@PathVariable long id, @Valid @ModelAttribute("decision") DecisionForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				if ("agree".equals(form.decision())) {
					localMeasures.agree(id, form.version());
				}
				else {
					localMeasures.reject(id, form.version(), form.reason());
				}
				return "redirect:/quality-premium/local-measures?year=" + form.year() + "&decided";
			}
			catch (InvalidInputException refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("decisionId", id);
		return localMeasures(form.year(), model);
	}
}
