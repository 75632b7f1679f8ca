package org.cocommission.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The CSV download the page and the API share. */
final class AuditCsv {

	private AuditCsv() {
	}

	static void write(AuditQueries queries, AuditFilter filter, HttpServletResponse response) throws IOException {
		// Checked first, so that a refusal is still a clean 403 rather than a half-written file.
		AuditFilter scoped = queries.scoped(filter);
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-trail.csv").build().toString());
		queries.exportCsv(scoped, response.getWriter());
	}
}
