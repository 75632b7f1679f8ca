package org.cocommission.authorisation;

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

/** The JSON beside the authorisation pages: published outcomes for anyone, a CCG's conditions for those who may. */
@RestController
@RequestMapping("/api/v1/authorisation")
class AuthorisationApiController {

	private final Authorisation authorisation;

	private final SurveyLinks surveys;

	private final Clock clock;

	private final Surveys builder;

	private final AuthorisationApplications applications;

	AuthorisationApiController(Authorisation authorisation, SurveyLinks surveys, Surveys builder,
			AuthorisationApplications applications, Clock clock) {
		this.applications = applications;
		this.builder = builder;
		this.authorisation = authorisation;
		this.surveys = surveys;
		this.clock = clock;
	}

	@GetMapping("/surveys/{id}/results")
	List<SurveyResult> surveyResults(@PathVariable long id, @RequestParam String ccg) {
		return surveys.results(id, ccg);
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

	@GetMapping("/applications/{id}")
	Application application(@PathVariable long id) {
		return applications.application(id);
	}

	/** The panel's decision: {@code {"findings": {"1.1": "MET", ...}, "notAuthorised": false}}; answers the outcome. */
	@PostMapping("/applications/{id}/decision")
	Map<String, OutcomeKind> decide(@PathVariable long id, @RequestBody DecisionForm form) {
		return Map.of("outcome", applications.decide(id, form));
	}

	private static void failOn(BindingResult result) {
		if (result.hasErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(errors);
		}
	}
}
