package org.cocommission.contracts.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.contracts.CaseKind;
import org.cocommission.contracts.Commissioners;
import org.cocommission.contracts.ContractCase;
import org.cocommission.contracts.ContractCases;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.contracts.NewCase;
import org.cocommission.contracts.ResponsibleCommissioner;
import org.cocommission.directory.Directory;
import org.cocommission.governance.Governance;
import org.cocommission.platform.InvalidInputException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages: open a case, see it with its clocks and history, move it on, and the open cases at a glance. */
@Controller
class CasePageController {

	private final ContractCases cases;

	private final ContractRegister register;

	private final Commissioners commissioners;

	private final Governance governance;

	private final Directory directory;

	CasePageController(ContractCases cases, ContractRegister register, Commissioners commissioners,
			Governance governance, Directory directory) {
		this.cases = cases;
		this.register = register;
		this.commissioners = commissioners;
		this.governance = governance;
		this.directory = directory;
	}

	@GetMapping("/contracts/cases")
	String open(Model model) {
		model.addAttribute("cases", cases.open());
		model.addAttribute("today", directory.today());
		return "contracts/cases";
	}

	@GetMapping("/contracts/practices/{code}/cases/new")
	String newCase(@PathVariable String code, Model model) {
		register.get(code.toUpperCase());
		model.addAttribute("form", new NewCase(null, null, directory.today(), null, null, null, null, false, null));
		return newCasePage(code.toUpperCase(), model);
	}

	@PostMapping("/contracts/practices/{code}/cases")
	String openCase(@PathVariable String code, @Valid @ModelAttribute("form") NewCase form, BindingResult result,
			Model model) {
		String practice = code.toUpperCase();
		register.get(practice);
		if (!result.hasErrors()) {
			try {
				return "redirect:/contracts/cases/" + cases.open(practice, form);
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return newCasePage(practice, model);
	}

	private String newCasePage(String practice, Model model) {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (CaseKind kind : CaseKind.values()) {
			kinds.put(kind.name(), kind.label());
		}
		model.addAttribute("kinds", kinds);
		model.addAttribute("practice", register.get(practice));
		return "contracts/case-new";
	}

	@GetMapping("/contracts/cases/{id}")
	String show(@PathVariable long id, Model model) {
		ContractCase found = cases.get(id);
		model.addAttribute("acknowledgeForm", new CaseForms.AcknowledgeForm(directory.today(), found.version()));
		model.addAttribute("agendaForm", new CaseForms.AgendaForm(null, found.version()));
		return casePage(found, model);
	}

	private String casePage(ContractCase found, Model model) {
		LocalDate today = directory.today();
		ResponsibleCommissioner decider = commissioners.on(found.practiceCode(), today);
		model.addAttribute("c", found);
		model.addAttribute("today", today);
		model.addAttribute("decider", decider);
		model.addAttribute("practice", register.find(found.practiceCode()).orElse(null));
		Map<Long, String> meetings = new LinkedHashMap<>();
		boolean committee = decider.body() == ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE
				|| decider.body() == ResponsibleCommissioner.Body.JOINT_COMMITTEE;
		if (committee && found.status().isOpen() && found.itemId() == null) {
			try {
				governance.meetings(decider.ccgCode())
					.stream()
					.filter(meeting -> !meeting.heldOn().isBefore(found.receivedOn()))
					.forEach(meeting -> meetings.put(meeting.id(), meeting.committeeName() + ", " + meeting.heldOn()));
			}
			catch (org.springframework.security.access.AccessDeniedException ex) {
				// the viewer cannot see the CCG's meetings: no agenda form
			}
		}
		model.addAttribute("committeeDecides", committee);
		model.addAttribute("meetings", meetings);
		return "contracts/case";
	}

	@PostMapping("/contracts/cases/{id}/acknowledgement")
	String acknowledge(@PathVariable long id, @Valid @ModelAttribute("acknowledgeForm") CaseForms.AcknowledgeForm form,
			BindingResult result, Model model) {
		ContractCase found = cases.get(id);
		if (!result.hasErrors()) {
			try {
				cases.acknowledge(id, form.version(), form.on());
				return "redirect:/contracts/cases/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("agendaForm", new CaseForms.AgendaForm(null, found.version()));
		return casePage(found, model);
	}

	@PostMapping("/contracts/cases/{id}/agenda")
	String agenda(@PathVariable long id, @Valid @ModelAttribute("agendaForm") CaseForms.AgendaForm form,
			BindingResult result, Model model) {
		ContractCase found = cases.get(id);
		if (!result.hasErrors()) {
			try {
				cases.placeOnAgenda(id, form.version(), form.meetingId());
				return "redirect:/contracts/cases/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("acknowledgeForm", new CaseForms.AcknowledgeForm(directory.today(), found.version()));
		return casePage(found, model);
	}

	/** The decision page says what an approval changes, and for whom, before anything is recorded. */
	/** The decision's two answers, approving first on every start (Map.of's order changes from one to the next). */
	private static final Map<String, String> OUTCOMES;

	static {
		Map<String, String> outcomes = new LinkedHashMap<>();
		outcomes.put("true", "Approve");
		outcomes.put("false", "Refuse");
		OUTCOMES = java.util.Collections.unmodifiableMap(outcomes);
	}

	@GetMapping("/contracts/cases/{id}/decision")
	String decision(@PathVariable long id, Model model) {
		ContractCase found = cases.get(id);
		model.addAttribute("form", new CaseForms.DecisionForm(null, null, directory.today(), found.version()));
		return decisionPage(found, model);
	}

	@PostMapping("/contracts/cases/{id}/decision")
	String decide(@PathVariable long id, @Valid @ModelAttribute("form") CaseForms.DecisionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ContractCase found = cases.get(id);
		if (!result.hasErrors()) {
			try {
				cases.decide(id, form.version(), form.approved(), form.decision(), form.decidedOn());
				redirect.addFlashAttribute("decided", true);
				return "redirect:/contracts/cases/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", ex.getMessage());
			}
		}
		return decisionPage(found, model);
	}

	private String decisionPage(ContractCase found, Model model) {
		model.addAttribute("c", found);
		model.addAttribute("decider", commissioners.on(found.practiceCode(), directory.today()));
		model.addAttribute("effect", effect(found));
		model.addAttribute("outcomes", OUTCOMES);
		return "contracts/case-decision";
	}

	/** What an approval changes, in words. */
	static String effect(ContractCase c) {
		return switch (c.kind()) {
			case MERGER -> "Approving ends " + c.otherPracticeCode() + "'s contract on the day before " + c.startsOn()
					+ " and adds its registered list to " + c.practiceCode() + "'s contract from " + c.startsOn() + ".";
			case TERMINATION -> "Approving ends " + c.practiceCode() + "'s contract on " + c.startsOn() + ".";
			case LIST_CLOSURE -> "Approving closes " + c.practiceCode() + "'s list to new patients from " + c.startsOn()
					+ " to " + c.endsOn() + "; the LMC is copied on the notice.";
			case VARIATION -> "Approving varies " + c.practiceCode() + "'s contract from " + c.startsOn() + ".";
			default -> "The decision is recorded in the contract's history and, once made, in the public register of"
					+ " contract decisions.";
		};
	}
}
