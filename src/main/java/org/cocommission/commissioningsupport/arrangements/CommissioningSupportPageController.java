package org.cocommission.commissioningsupport.arrangements;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.commissioningsupport.Arrangement;
import org.cocommission.commissioningsupport.ArrangementForm;
import org.cocommission.commissioningsupport.ArrangementMode;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
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

/** A CCG's commissioning support arrangements, recorded on its page. */
@Controller
class CommissioningSupportPageController {

	private final CommissioningSupport support;

	private final Directory directory;

	private final AccessPolicy access;

	CommissioningSupportPageController(CommissioningSupport support, Directory directory, AccessPolicy access) {
		this.support = support;
		this.directory = directory;
		this.access = access;
	}

	/** National users go to the market; a CCG's users to their CCG's page. */
	@GetMapping("/commissioning-support")
	String start() {
		CurrentUser user = access.requireUser();
		if (user.isNational()) {
			return "redirect:/commissioning-support/national";
		}
		if (user.role() == Role.CCG) {
			return "redirect:/commissioning-support/ccgs/" + user.organisationCode();
		}
		if (user.role() == Role.AREA_TEAM) {
			return "redirect:/commissioning-support/reviews";
		}
		throw new AccessDeniedException("Commissioning support arrangements are the CCGs' and NHS England's");
	}

	@GetMapping("/commissioning-support/ccgs/{code}")
	String ccg(@PathVariable String code, Model model) {
		List<Arrangement> arrangements = support.arrangements(code);
		ArrangementForm form = new ArrangementForm(null, null, null, null, null, null);
		return page(code, arrangements, form, model);
	}

	@PostMapping("/commissioning-support/ccgs/{code}")
	String record(@PathVariable String code, @Valid @ModelAttribute("form") ArrangementForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!support.canRecord(code)) {
			throw new AccessDeniedException("Only " + code + "'s users and NHS England record its arrangements");
		}
		if (!result.hasErrors()) {
			try {
				Arrangement recorded = support.record(code, form);
				redirect.addFlashAttribute("message", recorded.service().name() + " recorded");
				return "redirect:/commissioning-support/ccgs/" + code;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(code, support.arrangements(code), form, model);
	}

	private String page(String code, List<Arrangement> arrangements, ArrangementForm form, Model model) {
		model.addAttribute("ccgCode", code);
		model.addAttribute("ccgName", directory.find(code).map(OrganisationDetails::name).orElse(code));
		model.addAttribute("arrangements", arrangements);
		model.addAttribute("form", form);
		model.addAttribute("canRecord", support.canRecord(code));
		model.addAttribute("canAnswerReviews", access.currentUser()
			.map(user -> user.role() == Role.CCG && code.equals(user.organisationCode()))
			.orElse(false));
		Map<String, String> services = new LinkedHashMap<>();
		support.services().forEach(service -> services.put(service.code(), service.name()));
		model.addAttribute("serviceOptions", services);
		Map<String, String> modes = new LinkedHashMap<>();
		Arrays.stream(ArrangementMode.values()).forEach(mode -> modes.put(mode.name(), mode.label()));
		model.addAttribute("modeOptions", modes);
		Map<String, String> providers = new LinkedHashMap<>();
		providers.put("", "None (made or shared)");
		support.providers().forEach(provider -> providers.put(provider.code(), provider.name()));
		model.addAttribute("providerOptions", providers);
		return "commissioning-support/ccg";
	}
}
