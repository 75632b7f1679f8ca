package org.cocommission.authorisation.applications;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A CCG's application: evidence and submission (the CCG), assessors (NHS England), recommendations and the site visit
 * (the assessors), and the panel's decision (NHS England). Who may do each is checked before the form is read.
 */
@Controller
class AuthorisationApplicationController {

	record StartForm(@NotNull(message = "Choose the wave") Integer wave) {
	}

	record SubmitForm(@NotBlank(message = "Enter the CCG's self-assessment") @Size(max = 4000, message = "The self-assessment must be 4,000 characters or fewer") String selfAssessment) {
	}

	record AssessorForm(@NotBlank(message = "Enter the assessor's username") @Size(max = 100, message = "The username must be 100 characters or fewer") String username) {
	}

	private final AuthorisationApplications applications;

	private final Authorisation authorisation;

	private final Directory directory;

	private final Clock clock;

	AuthorisationApplicationController(AuthorisationApplications applications, Authorisation authorisation, Directory directory,
			Clock clock) {
		this.applications = applications;
		this.authorisation = authorisation;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/authorisation/ccgs/{code}/application")
	String application(@PathVariable String code, Model model) {
		if (!applications.canEdit(code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England start its application");
		}
		var existing = applications.applicationOf(code);
		if (existing.isPresent()) {
			return "redirect:/authorisation/applications/" + existing.get();
		}
		model.addAttribute("form", new StartForm(null));
		return startPage(code, model);
	}

	@PostMapping("/authorisation/ccgs/{code}/application")
	String start(@PathVariable String code, @Valid @ModelAttribute("form") StartForm form, BindingResult result,
			Model model) {
		if (!applications.canEdit(code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England start its application");
		}
		if (!result.hasErrors()) {
			try {
				return "redirect:/authorisation/applications/" + applications.start(code, form.wave());
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return startPage(code, model);
	}

	private String startPage(String code, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("ccgName", name(code));
		Map<String, String> waves = new LinkedHashMap<>();
		authorisation.summary()
			.waves()
			.forEach(wave -> waves.put(String.valueOf(wave.number()), "Wave " + wave.number() + ", panel on "
					+ wave.panelOn().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))));
		model.addAttribute("waves", waves);
		return "authorisation/application-start";
	}

	@GetMapping("/authorisation/applications/{id}")
	String show(@PathVariable long id, Model model) {
		return page(id, model);
	}

	@PostMapping("/authorisation/applications/{id}/evidence")
	String addEvidence(@PathVariable long id, @Valid @ModelAttribute("evidence") EvidenceForm form, BindingResult result,
			Model model) throws IOException {
		checkCanEdit(id);
		if (!result.hasErrors()) {
			try {
				applications.addEvidence(id, form.criterionCode(), form.title(), form.url(),
						form.file() == null ? null : form.file().getOriginalFilename(),
						form.file() == null || form.file().isEmpty() ? null : form.file().getBytes());
				return "redirect:/authorisation/applications/" + id + "#criterion-" + form.criterionCode();
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(id, model);
	}

	@GetMapping("/authorisation/applications/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long evidenceId) {
		AuthorisationApplications.Document document = applications.document(id, evidenceId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName()).build().toString())
			.body(document.content());
	}

	@PostMapping("/authorisation/applications/{id}/submit")
	String submit(@PathVariable long id, @Valid @ModelAttribute("submission") SubmitForm form, BindingResult result,
			Model model) {
		checkCanEdit(id);
		if (!result.hasErrors()) {
			try {
				applications.submit(id, form.selfAssessment());
				return "redirect:/authorisation/applications/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(id, model);
	}

	@PostMapping("/authorisation/applications/{id}/assessors")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assessor") AssessorForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				applications.assign(id, form.username());
				return "redirect:/authorisation/applications/" + id + "#assessors";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(id, model);
	}

	@PostMapping("/authorisation/applications/{id}/recommendations")
	String recommend(@PathVariable long id, @Valid @ModelAttribute("recommendation") RecommendationForm form,
			BindingResult result, Model model) {
		applications.checkCanAssess(id);
		if (!result.hasErrors()) {
			try {
				applications.recommend(id, form);
				return "redirect:/authorisation/applications/" + id + "#criterion-" + form.criterionCode();
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(id, model);
	}

	@PostMapping("/authorisation/applications/{id}/site-visit")
	String siteVisit(@PathVariable long id, @Valid @ModelAttribute("siteVisit") SiteVisitForm form, BindingResult result,
			Model model) {
		applications.checkCanAssess(id);
		if (!result.hasErrors()) {
			try {
				applications.recordSiteVisit(id, form);
				return "redirect:/authorisation/applications/" + id + "#site-visit";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return page(id, model);
	}

	@GetMapping("/authorisation/applications/{id}/decision")
	String decisionForm(@PathVariable long id, Model model) {
		if (!applications.isNational()) {
			throw new org.springframework.security.access.AccessDeniedException("Only NHS England records the panel's decision");
		}
		Application application = applications.application(id);
		Map<String, FindingChoice> proposed = new LinkedHashMap<>();
		// The panel starts from the assessors' last word on each criterion: the site visit's, else the desktop review's.
		for (Application.CriterionFile file : application.criteria()) {
			Application.Recommendation last = file.siteVisit() != null ? file.siteVisit() : file.desktop();
			if (last != null) {
				proposed.put(file.criterion().code(), last.met() ? FindingChoice.MET : FindingChoice.LEVEL_I);
			}
		}
		model.addAttribute("form", new DecisionForm(proposed, false));
		return decisionPage(application, model);
	}

	@PostMapping("/authorisation/applications/{id}/decision")
	String decide(@PathVariable long id, @ModelAttribute("form") DecisionForm form, BindingResult result, Model model) {
		Application application = applications.application(id);
		if (!result.hasErrors()) {
			try {
				applications.decide(id, form);
				return "redirect:/authorisation/ccgs/" + application.ccgCode();
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return decisionPage(application, model);
	}

	private String decisionPage(Application application, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("ccgName", name(application.ccgCode()));
		model.addAttribute("choices", FindingChoice.values());
		return "authorisation/application-decision";
	}

	private void checkCanEdit(long id) {
		String ccg = applications.ccgOf(id).orElseThrow(() -> new java.util.NoSuchElementException("No application " + id));
		if (!applications.canEdit(ccg)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the CCG itself and NHS England change its application");
		}
	}

	private String page(long id, Model model) {
		Application application = applications.application(id);
		model.addAttribute("app", application);
		model.addAttribute("ccgName", name(application.ccgCode()));
		model.addAttribute("canEdit", applications.canEdit(application.ccgCode())
				&& application.status() == Application.Status.DRAFT);
		boolean assessing = applications.canAssess(id) && application.status() == Application.Status.SUBMITTED;
		model.addAttribute("canAssess", assessing);
		model.addAttribute("national", applications.isNational());
		Map<String, String> criteria = new LinkedHashMap<>();
		application.criteria()
			.forEach(file -> criteria.put(file.criterion().code(), file.criterion().code() + " " + file.criterion().text()));
		model.addAttribute("criteria", criteria);
		Map<String, String> stages = new LinkedHashMap<>();
		for (Application.Stage stage : Application.Stage.values()) {
			stages.put(stage.name(), stage.label());
		}
		model.addAttribute("stages", stages);
		Map<String, String> metOptions = new LinkedHashMap<>();
		metOptions.put("true", "Met");
		metOptions.put("false", "Not met");
		model.addAttribute("metOptions", metOptions);
		if (!model.containsAttribute("evidence")) {
			model.addAttribute("evidence", new EvidenceForm(null, null, null, null));
		}
		if (!model.containsAttribute("submission")) {
			model.addAttribute("submission", new SubmitForm(application.selfAssessment()));
		}
		if (!model.containsAttribute("assessor")) {
			model.addAttribute("assessor", new AssessorForm(null));
		}
		if (!model.containsAttribute("recommendation")) {
			model.addAttribute("recommendation", new RecommendationForm(null, Application.Stage.DESKTOP, null, null));
		}
		if (!model.containsAttribute("siteVisit")) {
			model.addAttribute("siteVisit", new SiteVisitForm(application.siteVisitOn() != null ? application.siteVisitOn()
					: LocalDate.now(clock), application.siteVisitNote()));
		}
		return "authorisation/application";
	}

	private String name(String code) {
		OrganisationRef ref = directory.refs(List.of(code)).get(code);
		return ref == null ? code : ref.name() + " (" + code + ")";
	}
}
