package org.cocommission.authorisation.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A CCG's 360 stakeholder list: the CCG and NHS England add and remove people; the CCG's area team reads it. Removing
 * someone goes through a page that says their unused link stops working.
 */
@Controller
class StakeholderPageController {

	private final Surveys surveys;

	private final Directory directory;

	StakeholderPageController(Surveys surveys, Directory directory) {
		this.surveys = surveys;
		this.directory = directory;
	}

	@GetMapping("/authorisation/ccgs/{code}/stakeholders")
	String list(@PathVariable String code, Model model) {
		model.addAttribute("form", new StakeholderForm(null, null, null, null));
		return page(code, model);
	}

	@PostMapping("/authorisation/ccgs/{code}/stakeholders")
	String add(@PathVariable String code, @Valid @ModelAttribute("form") StakeholderForm form, BindingResult result,
			Model model) {
		if (!surveys.canEditStakeholders(code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England keep its stakeholder list");
		}
		if (!result.hasErrors()) {
			try {
				surveys.addStakeholder(code, form);
				return "redirect:/authorisation/ccgs/" + code + "/stakeholders";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(code, model);
	}

	@GetMapping("/authorisation/ccgs/{code}/stakeholders/{id}/remove")
	String confirmRemove(@PathVariable String code, @PathVariable long id, Model model) {
		if (!surveys.canEditStakeholders(code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England keep its stakeholder list");
		}
		model.addAttribute("stakeholder", surveys.stakeholders(code)
			.stream()
			.filter(stakeholder -> stakeholder.id() == id)
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException("No stakeholder " + id)));
		model.addAttribute("ccgName", name(code));
		return "authorisation/stakeholder-remove";
	}

	@PostMapping("/authorisation/ccgs/{code}/stakeholders/{id}/remove")
	String remove(@PathVariable String code, @PathVariable long id) {
		surveys.removeStakeholder(code, id);
		return "redirect:/authorisation/ccgs/" + code + "/stakeholders";
	}

	private String page(String code, Model model) {
		List<Stakeholder> stakeholders = surveys.stakeholders(code);
		model.addAttribute("code", code);
		model.addAttribute("ccgName", name(code));
		model.addAttribute("stakeholders", stakeholders);
		model.addAttribute("canEdit", surveys.canEditStakeholders(code));
		Map<StakeholderGroup, Long> byGroup = new LinkedHashMap<>();
		for (StakeholderGroup group : StakeholderGroup.values()) {
			byGroup.put(group, stakeholders.stream().filter(stakeholder -> stakeholder.group() == group).count());
		}
		model.addAttribute("byGroup", byGroup);
		Map<String, String> groups = new LinkedHashMap<>();
		for (StakeholderGroup group : StakeholderGroup.values()) {
			groups.put(group.name(), group.label());
		}
		model.addAttribute("groups", groups);
		return "authorisation/stakeholders";
	}

	private String name(String code) {
		OrganisationRef ref = directory.refs(List.of(code)).get(code);
		return ref == null ? code : ref.name() + " (" + code + ")";
	}
}
