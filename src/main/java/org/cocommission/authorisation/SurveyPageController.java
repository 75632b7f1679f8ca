package org.cocommission.authorisation;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A stakeholder's one-time 360 survey link, opened without an account. A used, expired or revoked link answers 410
 * with a page that says which; a token nobody issued is simply not found, so nothing is revealed.
 */
@Controller
class SurveyPageController {

	private final SurveyLinks links;

	SurveyPageController(SurveyLinks links) {
		this.links = links;
	}

	@GetMapping("/survey/{token}")
	String survey(@PathVariable String token, Model model, HttpServletResponse response) {
		SurveyLink link = links.open(token)
			.orElseThrow(() -> new java.util.NoSuchElementException("There is no survey at this address"));
		model.addAttribute("link", link);
		if (link.status() != SurveyLink.Status.OPEN) {
			response.setStatus(HttpStatus.GONE.value());
			return "authorisation/survey-closed";
		}
		return "authorisation/survey";
	}
}
