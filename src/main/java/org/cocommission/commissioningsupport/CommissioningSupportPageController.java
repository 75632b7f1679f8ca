package org.cocommission.commissioningsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.Exports;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A CCG's commissioning support arrangements, recorded on its page, and NHS England's view of the market. */
@Controller
class CommissioningSupportPageController {

	private final CommissioningSupport support;

	private final Directory directory;

	private final AccessPolicy access;

	private final JsonMapper json;

	CommissioningSupportPageController(CommissioningSupport support, Directory directory, AccessPolicy access,
			JsonMapper json) {
		this.support = support;
		this.directory = directory;
		this.access = access;
		this.json = json;
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

	@GetMapping("/commissioning-support/national")
	String national(Model model) {
		List<MarketShare> shares = support.marketShares();
		List<MarketShare> overall = shares.stream().filter(share -> share.serviceCode() == null).toList();
		model.addAttribute("shares", shares);
		model.addAttribute("overall", overall);
		model.addAttribute("byService", shares.stream().filter(share -> share.serviceCode() != null).toList());
		Map<String, String> names = new LinkedHashMap<>();
		support.services().forEach(service -> names.put(service.code(), service.name()));
		model.addAttribute("serviceNames", names);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", overall.stream().map(share -> share.provider().name()).toList());
		chart.put("unit", "% of value bought");
		chart.put("series", List.of(Map.of("name", "Share of value bought", "values",
				overall.stream().map(share -> share.sharePercent() == null ? "-" : (Object) share.sharePercent()).toList())));
		model.addAttribute("chart", json.writeValueAsString(chart));
		return "commissioning-support/national";
	}

	@GetMapping("/commissioning-support/national.csv")
	ResponseEntity<String> nationalCsv() {
		List<List<Object>> rows = new ArrayList<>();
		for (Arrangement a : support.allArrangements()) {
			rows.add(Arrays.asList(a.ccgCode(), a.service().name(), a.mode().label(),
					a.provider() == null ? String.join(" ", a.sharedWith()) : a.provider().name(),
					a.annualValue() == null ? null : a.annualValue().pounds(), a.endDate()));
		}
		return Exports.csvDownload(new Table("Commissioning support arrangements", List.of("CCG", "Service",
				"Arrangement", "Provider or partners", "Value a year (£)", "Ends"), rows),
				"commissioning-support-arrangements.csv");
	}
}
