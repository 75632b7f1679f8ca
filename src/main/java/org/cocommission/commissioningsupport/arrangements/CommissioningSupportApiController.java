package org.cocommission.commissioningsupport.arrangements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.cocommission.commissioningsupport.Arrangement;
import org.cocommission.commissioningsupport.ArrangementForm;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.SupportProvider;
import org.cocommission.commissioningsupport.SupportService;
import org.cocommission.platform.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commissioning support for machines: the catalogue, providers, each CCG's arrangements. */
@RestController
@RequestMapping("/api/v1/commissioning-support")
class CommissioningSupportApiController {

	private final CommissioningSupport support;

	CommissioningSupportApiController(CommissioningSupport support) {
		this.support = support;
	}

	@GetMapping("/services")
	List<SupportService> services() {
		return support.services();
	}

	@GetMapping("/providers")
	List<SupportProvider> providers() {
		return support.providers();
	}

	/** A provider to enter: its name (the service checks it after checking who asks). */
	record NewProvider(String name) {
	}

	@PostMapping("/providers")
	SupportProvider addProvider(@RequestBody NewProvider provider) {
		return support.addProvider(provider.name());
	}

	@Operation(summary = "A CCG's commissioning support arrangements", description = "One per service recorded: make,"
			+ " buy (provider) or share (sharedWith), annual value and end date. The CCG, its area team and national users.")
	@GetMapping("/arrangements")
	List<Arrangement> arrangements(@RequestParam String ccg) {
		return support.arrangements(ccg);
	}

	@PutMapping("/arrangements/{ccg}")
	Arrangement record(@PathVariable String ccg, @Valid @RequestBody ArrangementForm form, BindingResult result) {
		if (!support.canRecord(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England record its arrangements");
		}
		if (result.hasErrors()) {
			Map<String, String> problems = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(problems);
		}
		return support.record(ccg, form);
	}
}
