package org.cocommission.authorisation.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.authorisation.Authorisation;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * NHS England's side of the 360 survey: the questionnaire builder (a survey per year, questions with their domain and
 * scale) and the invitations, CCG by CCG, behind a page that says who will be e-mailed.
 */
@Controller
class SurveyAdminController {

	private final Surveys surveys;

	private final Directory directory;

	private final Authorisation authorisation;

	SurveyAdminController(Surveys surveys, Directory directory, Authorisation authorisation) {
		this.surveys = surveys;
		this.authorisation = authorisation;
		this.directory = directory;
	}

	@GetMapping("/authorisation/surveys")
	String list(Model model) {
		model.addAttribute("surveys", surveys.surveys());
		return "authorisation/surveys";
	}

	@GetMapping("/authorisation/surveys/new")
	String newSurvey(Model model) {
		surveys.surveys();
		model.addAttribute("form", new SurveyForm(null, null));
		return "authorisation/survey-new";
	}

	@PostMapping("/authorisation/surveys")
	String create(@Valid @ModelAttribute("form") SurveyForm form, BindingResult result) {
		if (result.hasErrors()) {
			return "authorisation/survey-new";
		}
		return "redirect:/authorisation/surveys/" + surveys.create(form);
	}

	@GetMapping("/authorisation/surveys/{id}")
	String survey(@PathVariable long id, Model model) {
		model.addAttribute("form", new QuestionForm(null, null, QuestionScale.AGREE_5));
		model.addAttribute("invite", new InviteForm(null, Surveys.DEFAULT_VALID_DAYS));
		return surveyPage(id, model);
	}

	@PostMapping("/authorisation/surveys/{id}/questions")
	String addQuestion(@PathVariable long id, @Valid @ModelAttribute("form") QuestionForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				surveys.addQuestion(id, form);
				return "redirect:/authorisation/surveys/" + id + "#questions";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("invite", new InviteForm(null, Surveys.DEFAULT_VALID_DAYS));
		return surveyPage(id, model);
	}

	@GetMapping("/authorisation/surveys/{id}/invite")
	String confirmInvitations(@PathVariable long id, @Valid @ModelAttribute("invite") InviteForm invite,
			BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("form", new QuestionForm(null, null, QuestionScale.AGREE_5));
			return surveyPage(id, model);
		}
		model.addAttribute("survey", surveys.survey(id));
		model.addAttribute("ccgName", names(List.of(invite.ccgCode())).get(invite.ccgCode()));
		model.addAttribute("toInvite", surveys.invitees(id, invite.ccgCode())
			.stream()
			.filter(stakeholder -> stakeholder.invitedAt() == null)
			.toList());
		return "authorisation/survey-invite";
	}

	@PostMapping("/authorisation/surveys/{id}/invite")
	String invite(@PathVariable long id, @Valid @ModelAttribute("invite") InviteForm invite, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				int sent = surveys.invite(id, invite.ccgCode(), invite.validForDays());
				return "redirect:/authorisation/surveys/" + id + "?invited=" + sent + "&ccg=" + invite.ccgCode();
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("form", new QuestionForm(null, null, QuestionScale.AGREE_5));
		return surveyPage(id, model);
	}

	private String surveyPage(long id, Model model) {
		SurveySummary survey = surveys.survey(id);
		model.addAttribute("survey", survey);
		Map<String, Integer> sizes = surveys.listSizes();
		Map<String, String> names = names(List.copyOf(sizes.keySet()));
		Map<String, String> ccgOptions = new LinkedHashMap<>();
		sizes.forEach((code, size) -> ccgOptions.put(code, names.get(code) + ": " + size
				+ (size == 1 ? " stakeholder" : " stakeholders")));
		model.addAttribute("ccgOptions", ccgOptions);
		model.addAttribute("names", names(survey.rates().stream().map(SurveySummary.ResponseRate::ccgCode).toList()));
		Map<String, String> domains = new LinkedHashMap<>();
		authorisation.framework(Authorisation.FRAMEWORK_2012_13)
			.domains()
			.forEach(domain -> domains.put(String.valueOf(domain.number()), domain.number() + ". " + domain.name()));
		model.addAttribute("domains", domains);
		Map<String, String> scales = new LinkedHashMap<>();
		for (QuestionScale scale : QuestionScale.values()) {
			scales.put(scale.name(), scale.label());
		}
		model.addAttribute("scales", scales);
		return "authorisation/survey-builder";
	}

	@GetMapping(value = "/authorisation/surveys/{id}", params = "invited")
	String invited(@PathVariable long id, @RequestParam int invited, @RequestParam String ccg, Model model) {
		model.addAttribute("invitedCount", invited);
		model.addAttribute("invitedCcg", names(List.of(ccg)).get(ccg));
		return survey(id, model);
	}

	private Map<String, String> names(List<String> codes) {
		Map<String, OrganisationRef> refs = directory.refs(codes);
		Map<String, String> names = new LinkedHashMap<>();
		codes.forEach(code -> names.put(code, refs.containsKey(code) ? refs.get(code).name() + " (" + code + ")" : code));
		return names;
	}
}
