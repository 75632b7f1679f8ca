package org.cocommission.audit;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.platform.PageOf;

/** The audit trail for API clients: filters as query parameters, like the page. */
@RestController
@RequestMapping("/api/v1")
class AuditApi {

	private final AuditQueries queries;

	AuditApi(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/audit")
	PageOf<AuditEvent> trail(@ParameterObject AuditForm form, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return queries.search(form.toFilter(), page, size);
	}

	@GetMapping("/audit.csv")
	void csv(@ParameterObject AuditForm form, HttpServletResponse response) throws IOException {
		AuditCsv.write(queries, form.toFilter(), response);
	}
}
