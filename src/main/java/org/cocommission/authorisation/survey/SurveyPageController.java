package org.cocommission.authorisation.survey;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A stakeholder's one-time 360 survey link, opened and answered without an account (a public form, CSRF token and
 * all). A used, expired or revoked link answers 410 with a page that says which; a token nobody issued is simply not
 * found, so nothing is revealed. The link's token is in the address, so the pages send no referrer.
 */
@Controller
class SurveyPageController {

	static final List<String> AGREEMENT = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
			"Strongly agree");

	private final SurveyLinks links;

	private final Directory directory;

	SurveyPageController(SurveyLinks links, Directory directory) {
		this.links = links;
		this.directory = directory;
	}

	@GetMapping("/survey/{token}")
	String survey(@PathVariable String token, Model model, HttpServletResponse response, CsrfToken csrf) {
		// The form's CSRF token lives in a new session, which must exist before the page starts to be written.
		csrf.getToken();
		model.addAttribute("form", new SurveyAnswerForm(List.of(), List.of()));
		return page(token, model, response);
	}

	@PostMapping("/survey/{token}")
	String answer(@PathVariable String token, @ModelAttribute("form") SurveyAnswerForm form, BindingResult result,
			Model model, HttpServletResponse response, CsrfToken csrf) {
		csrf.getToken();
		// The link decides first: a closed or unknown link says so whatever was posted.
		SurveyLink link = open(token);
		if (link.status() != SurveyLink.Status.OPEN) {
			return page(token, model, response);
		}
		if (!result.hasErrors()) {
			try {
				SurveyLink.Status status = links.answer(token, form);
				if (status == SurveyLink.Status.OPEN) {
					response.setHeader("Referrer-Policy", "no-referrer");
					model.addAttribute("surveyName", link.surveyName());
					return "authorisation/survey-thanks";
				}
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		else {
			// A value that is not a number at all: start the answers again rather than show it back.
			model.addAttribute("form", new SurveyAnswerForm(List.of(), List.of()));
		}
		return page(token, model, response);
	}

	private SurveyLink open(String token) {
		return links.open(token)
			.orElseThrow(() -> new java.util.NoSuchElementException("There is no survey at this address"));
	}

	private String page(String token, Model model, HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		SurveyLink link = open(token);
		model.addAttribute("link", link);
		if (link.status() != SurveyLink.Status.OPEN) {
			response.setStatus(HttpStatus.GONE.value());
			return "authorisation/survey-closed";
		}
		OrganisationRef ccg = directory.refs(List.of(link.ccgCode())).get(link.ccgCode());
		model.addAttribute("ccgName", ccg == null ? link.ccgCode() : ccg.name() + " (" + link.ccgCode() + ")");
		model.addAttribute("token", token);
		model.addAttribute("scale", AGREEMENT);
		return "authorisation/survey";
	}
}
