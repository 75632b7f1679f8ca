package org.cocommission.authorisation.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.CcgOutcome;
import org.cocommission.authorisation.ConditionsInForce;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.NationalSummary;
import org.cocommission.authorisation.OutcomeRow;
import org.cocommission.authorisation.ReviewForm;
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

/** The JSON beside the authorisation pages: published outcomes for anyone, a CCG's conditions for those who may. */
@RestController
@RequestMapping("/api/v1/authorisation")
class PanelApiController {

	private final Authorisation authorisation;

	private final Clock clock;

	PanelApiController(Authorisation authorisation, Clock clock) {
		this.authorisation = authorisation;
		this.clock = clock;
	}

	@GetMapping("/outcomes")
	List<OutcomeRow> outcomes(@RequestParam int wave) {
		return authorisation.outcomes(wave);
	}

	@GetMapping("/summary")
	NationalSummary summary() {
		return authorisation.summary();
	}

	@GetMapping("/framework")
	Framework framework() {
		return authorisation.framework(Authorisation.FRAMEWORK_2012_13);
	}

	@GetMapping("/conditions-in-force")
	ConditionsInForce conditionsInForce() {
		return authorisation.conditionsInForce(LocalDate.now(clock));
	}

	@GetMapping("/ccgs/{code}")
	CcgOutcome ccg(@PathVariable String code) {
		return authorisation.ccgOutcome(code);
	}

	@PostMapping("/conditions/{id}/reviews")
	ResponseEntity<Void> review(@PathVariable long id, @Valid @RequestBody ReviewForm review, BindingResult result) {
		// Who may review comes before what is wrong with the review: a CCG learns nothing from a 400.
		authorisation.checkCanReview(id);
		if (result.hasErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(errors);
		}
		authorisation.review(id, review);
		return ResponseEntity.noContent().build();
	}
}
