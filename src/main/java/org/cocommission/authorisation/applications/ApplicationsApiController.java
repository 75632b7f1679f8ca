package org.cocommission.authorisation.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.authorisation.OutcomeKind;
import org.cocommission.platform.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON beside the application pages: an application as its reader may see it, and the panel's decision. */
@RestController
@RequestMapping("/api/v1/authorisation")
class ApplicationsApiController {

	private final AuthorisationApplications applications;

	ApplicationsApiController(AuthorisationApplications applications) {
		this.applications = applications;
	}

	@GetMapping("/applications/{id}")
	Application application(@PathVariable long id) {
		return applications.application(id);
	}

	/** The panel's decision: {@code {"findings": {"1.1": "MET", ...}, "notAuthorised": false}}; answers the outcome. */
	@PostMapping("/applications/{id}/decision")
	Map<String, OutcomeKind> decide(@PathVariable long id, @RequestBody DecisionForm form) {
		return Map.of("outcome", applications.decide(id, form));
	}
}
