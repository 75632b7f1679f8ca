package org.cocommission.audit;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
	String trail(AuditForm form, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + PAGE_SIZE) int size, Model model) {
		AuditFilter filter;
		try {
			filter = form.toFilter();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("form", form);
			model.addAttribute("error", ex.getMessage());
			return "audit/trail";
		}
		AuditFilter scoped = queries.scoped(filter);
		PageOf<AuditEvent> results = queries.search(scoped, page, size);
		AuditForm shown = AuditForm.of(scoped, form);
		Integer sizeParam = size == PAGE_SIZE ? null : size;
		model.addAttribute("form", shown);
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
