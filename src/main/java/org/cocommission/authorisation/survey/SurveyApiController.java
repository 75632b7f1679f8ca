package org.cocommission.authorisation.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

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

/** The JSON beside the survey pages: questionnaires, invitations, stakeholder lists and results. */
@RestController
@RequestMapping("/api/v1/authorisation")
class SurveyApiController {

	private final SurveyLinks surveys;

	private final Surveys builder;

	SurveyApiController(SurveyLinks surveys, Surveys builder) {
		this.builder = builder;
		this.surveys = surveys;
	}

	@GetMapping("/surveys/{id}/results")
	List<SurveyResult> surveyResults(@PathVariable long id, @RequestParam String ccg) {
		return surveys.results(id, ccg);
	}

	@GetMapping("/surveys")
	List<SurveySummary> surveys() {
		return builder.surveys();
	}

	@GetMapping("/surveys/{id}")
	SurveySummary survey(@PathVariable long id) {
		return builder.survey(id);
	}

	@PostMapping("/surveys")
	ResponseEntity<SurveySummary> createSurvey(@Valid @RequestBody SurveyForm form, BindingResult result) {
		failOn(result);
		long id = builder.create(form);
		return ResponseEntity.created(java.net.URI.create("/api/v1/authorisation/surveys/" + id)).body(builder.survey(id));
	}

	@PostMapping("/surveys/{id}/questions")
	SurveySummary addQuestion(@PathVariable long id, @Valid @RequestBody QuestionForm form, BindingResult result) {
		failOn(result);
		builder.addQuestion(id, form);
		return builder.survey(id);
	}

	/** E-mails links to the CCG's listed stakeholders not yet invited; says how many. */
	@PostMapping("/surveys/{id}/invitations")
	Map<String, Integer> invite(@PathVariable long id, @Valid @RequestBody InviteForm form, BindingResult result) {
		failOn(result);
		return Map.of("invited", builder.invite(id, form.ccgCode(), form.validForDays()));
	}

	@GetMapping("/surveys/{id}/invitations")
	List<Stakeholder> invitees(@PathVariable long id, @RequestParam String ccg) {
		return builder.invitees(id, ccg);
	}

	@GetMapping("/ccgs/{code}/stakeholders")
	List<Stakeholder> stakeholders(@PathVariable String code) {
		return builder.stakeholders(code);
	}

	@PostMapping("/ccgs/{code}/stakeholders")
	ResponseEntity<Map<String, Long>> addStakeholder(@PathVariable String code,
			@Valid @RequestBody StakeholderForm form, BindingResult result) {
		// The CCG's own list: who may keep it comes before what is wrong with the body.
		if (!builder.canEditStakeholders(code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England keep its stakeholder list");
		}
		failOn(result);
		long id = builder.addStakeholder(code, form);
		return ResponseEntity.created(java.net.URI.create("/api/v1/authorisation/ccgs/" + code + "/stakeholders/" + id))
			.body(Map.of("id", id));
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/ccgs/{code}/stakeholders/{id}")
	ResponseEntity<Void> removeStakeholder(@PathVariable String code, @PathVariable long id) {
		builder.removeStakeholder(code, id);
		return ResponseEntity.noContent().build();
	}

	private static void failOn(BindingResult result) {
		if (result.hasErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(errors);
		}
	}
}
