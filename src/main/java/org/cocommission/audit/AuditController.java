package org.cocommission.audit;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;

/** The audit trail page: filters, the entries with their before and after, and a CSV download. */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditQueries queries;

	private final Clock clock;

	AuditController(AuditQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String trail(@ModelAttribute("auditForm") AuditForm form, BindingResult result,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
			Model model) {
		model.addAttribute("actionOptions", AuditWords.actionOptions(form.action()));
		model.addAttribute("entityOptions", AuditWords.entityOptions(form.entityType()));
		if (result.hasErrors()) {
			return "audit/trail";
		}
		AuditFilter filter;
		try {
			filter = form.toFilter();
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return "audit/trail";
		}
		AuditFilter scoped = queries.scoped(filter);
		PageOf<AuditEvent> results = queries.search(scoped, page, size);
		AuditForm shown = AuditForm.of(scoped, form);
		Integer sizeParam = size == PAGE_SIZE ? null : size;
		// The form shows the filter as applied (a CCG user's own code filled in), so its fields read the scoped form.
		model.addAttribute("auditForm", shown);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "auditForm", new BeanPropertyBindingResult(shown, "auditForm"));
		model.addAttribute("results", results);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("csvLink", shown.link("/audit.csv", null, null));
		model.addAttribute("previousLink", shown.link("/audit", page - 1, sizeParam));
		model.addAttribute("nextLink", shown.link("/audit", page + 1, sizeParam));
		return "audit/trail";
	}

	@GetMapping("/audit.csv")
	void csv(AuditForm form, HttpServletResponse response) throws IOException {
		AuditCsv.write(queries, form.toFilter(), response);
	}
}
