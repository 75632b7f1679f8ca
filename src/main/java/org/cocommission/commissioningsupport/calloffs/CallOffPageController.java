package org.cocommission.commissioningsupport.calloffs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.commissioningsupport.CallOff;
import org.cocommission.commissioningsupport.CallOffForms;
import org.cocommission.commissioningsupport.CallOffs;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.platform.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Call-off competition pages: a CCG's call-offs and the form to start one; one call-off with its bids, evaluators,
 * scores and evaluation; and the award behind a confirmation page that says what changes.
 */
@Controller
class CallOffPageController {

	private final CallOffs callOffs;

	private final CommissioningSupport support;

	private final Directory directory;

	CallOffPageController(CallOffs callOffs, CommissioningSupport support, Directory directory) {
		this.callOffs = callOffs;
		this.support = support;
		this.directory = directory;
	}

	@GetMapping("/commissioning-support/ccgs/{ccg}/call-offs")
	String list(@PathVariable String ccg, Model model) {
		return list(ccg, new CallOffForms.Start(null, null, null, 60, 30, 10), model);
	}

	@PostMapping("/commissioning-support/ccgs/{ccg}/call-offs")
	String start(@PathVariable String ccg, @Valid @ModelAttribute("form") CallOffForms.Start form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		checkCan(ccg);
		if (!result.hasErrors()) {
			try {
				CallOff started = callOffs.start(ccg, form);
				redirect.addFlashAttribute("message", "Call-off started: " + started.title());
				return "redirect:/commissioning-support/call-offs/" + started.id();
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return list(ccg, form, model);
	}

	@GetMapping("/commissioning-support/call-offs/{id}")
	String show(@PathVariable long id, Model model) {
		return show(callOffs.get(id), model);
	}

	@PostMapping("/commissioning-support/call-offs/{id}/bids")
	String bid(@PathVariable long id, @Valid @ModelAttribute("bidForm") CallOffForms.Bid form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return recorded(id, result, () -> callOffs.addBid(id, form), "Bid recorded", model, redirect);
	}

	@PostMapping("/commissioning-support/call-offs/{id}/evaluators")
	String evaluator(@PathVariable long id, @Valid @ModelAttribute("evaluatorForm") CallOffForms.Evaluator form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return recorded(id, result, () -> callOffs.addEvaluator(id, form),
				form.conflict() == null || form.conflict().isBlank() ? "Evaluator added"
						: "Evaluator recorded with a conflict: excluded from scoring",
				model, redirect);
	}

	@PostMapping("/commissioning-support/call-offs/{id}/scores")
	String score(@PathVariable long id, @Valid @ModelAttribute("scoreForm") CallOffForms.Score form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return recorded(id, result, () -> callOffs.score(id, form), "Score recorded", model, redirect);
	}

	/**
	 * Records a step of the call-off unless its form has errors, then goes back to the call-off with {@code message};
	 * a refusal about a field is shown on the form as typed.
	 */
	private String recorded(long id, BindingResult result, Runnable step, String message, Model model,
			RedirectAttributes redirect) {
		CallOff callOff = callOffs.get(id);
		if (!result.hasErrors()) {
			try {
				step.run();
				redirect.addFlashAttribute("message", message);
				return "redirect:/commissioning-support/call-offs/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return show(callOff, model);
	}

	/** The confirmation page: what the award changes for the CCG and the provider. */
	@GetMapping("/commissioning-support/call-offs/{id}/award")
	String confirmAward(@PathVariable long id, @Valid @ModelAttribute("awardForm") CallOffForms.Award form,
			BindingResult result, Model model) {
		CallOff callOff = callOffs.get(id);
		checkCan(callOff.ccgCode());
		if (result.hasErrors()) {
			return show(callOff, model);
		}
		CallOff.Evaluation winner = callOff.evaluation()
			.stream()
			.filter(e -> e.providerCode().equals(form.providerCode()) && e.complete())
			.findFirst()
			.orElse(null);
		if (winner == null) {
			result.rejectValue("providerCode", "incomplete", "Choose a bid scored on every criterion");
			return show(callOff, model);
		}
		model.addAttribute("callOff", callOff);
		model.addAttribute("winner", winner);
		model.addAttribute("ccgName", name(callOff.ccgCode()));
		model.addAttribute("current", support.arrangements(callOff.ccgCode())
			.stream()
			.filter(a -> a.service().code().equals(callOff.service().code()))
			.findFirst()
			.orElse(null));
		model.addAttribute("standstillEnds", LocalDate.now().plusDays(CallOffs.STANDSTILL_DAYS));
		return "commissioning-support/call-off-award";
	}

	@PostMapping("/commissioning-support/call-offs/{id}/award")
	String award(@PathVariable long id, @Valid @ModelAttribute("awardForm") CallOffForms.Award form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CallOff callOff = callOffs.get(id);
		checkCan(callOff.ccgCode());
		if (!result.hasErrors()) {
			try {
				CallOff awarded = callOffs.award(id, form);
				redirect.addFlashAttribute("message", "Awarded to " + awarded.awardedTo().name()
						+ ": the CCG's arrangement for " + awarded.service().name().toLowerCase(java.util.Locale.UK)
						+ " is now bought from it");
				return "redirect:/commissioning-support/call-offs/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return show(callOff, model);
	}

	private void checkCan(String ccg) {
		if (!callOffs.canRun(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England run its call-offs");
		}
	}

	private String name(String ccg) {
		return directory.find(ccg).map(OrganisationDetails::name).orElse(ccg);
	}

	private String list(String ccg, CallOffForms.Start form, Model model) {
		model.addAttribute("ccgCode", ccg);
		model.addAttribute("ccgName", name(ccg));
		model.addAttribute("callOffs", callOffs.forCcg(ccg));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		Map<String, String> services = new LinkedHashMap<>();
		support.services().forEach(service -> services.put(service.code(), service.name()));
		model.addAttribute("serviceOptions", services);
		return "commissioning-support/call-offs";
	}

	private String show(CallOff callOff, Model model) {
		model.addAttribute("callOff", callOff);
		model.addAttribute("ccgName", name(callOff.ccgCode()));
		addIfAbsent(model, "bidForm", new CallOffForms.Bid(null, null, null));
		addIfAbsent(model, "evaluatorForm", new CallOffForms.Evaluator(null, null, null));
		addIfAbsent(model, "scoreForm", new CallOffForms.Score(null, null, null, null));
		addIfAbsent(model, "awardForm", new CallOffForms.Award(null, null));
		Map<String, String> providers = new LinkedHashMap<>();
		providers.put("", "Choose a provider");
		support.providers().forEach(provider -> providers.put(provider.code(), provider.name()));
		model.addAttribute("providerOptions", providers);
		Map<String, String> bids = new LinkedHashMap<>();
		bids.put("", "Choose a bid");
		callOff.bids().forEach(bid -> bids.put(bid.providerCode(), bid.providerName()));
		model.addAttribute("bidOptions", bids);
		Map<String, String> evaluators = new LinkedHashMap<>();
		evaluators.put("", "Choose an evaluator");
		callOff.evaluators()
			.stream()
			.filter(e -> !e.conflicted())
			.forEach(e -> evaluators.put(e.name(), e.name()));
		model.addAttribute("evaluatorOptions", evaluators);
		Map<String, String> people = new LinkedHashMap<>();
		people.put("", "Not on the register: enter the name below");
		callOffs.registerPeople(callOff.ccgCode())
			.forEach(person -> people.put(String.valueOf(person.id()), person.name() + " (" + person.role() + ")"));
		model.addAttribute("personOptions", people);
		Map<String, String> criteria = new LinkedHashMap<>();
		callOff.criteria().forEach(c -> criteria.put(String.valueOf(c.position()), c.name() + " (" + c.weight() + "%)"));
		model.addAttribute("criterionOptions", criteria);
		Map<String, String> scores = new LinkedHashMap<>();
		for (int score = 5; score >= 0; score--) {
			scores.put(String.valueOf(score), score + (score == 5 ? " (excellent)" : score == 0 ? " (fails)" : ""));
		}
		model.addAttribute("scoreOptions", scores);
		return "commissioning-support/call-off";
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		// Re-adding a bound form would drop its errors (the binding result goes with the object bound).
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}
}
