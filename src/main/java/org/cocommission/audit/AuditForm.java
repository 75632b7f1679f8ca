package org.cocommission.audit;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.util.UriComponentsBuilder;

/** The trail's filter as bound from the page's form or the query string; {@link #toFilter()} checks the rest. */
record AuditForm(@Parameter(description = "Organisation code") String organisation,
		@Parameter(description = "Username of whoever made the change") String user,
		@Parameter(description = "For example USER_ACCOUNT") String entityType,
		@Parameter(description = "For example USER_CREATED") String action,
		@Parameter(description = "First day included, YYYY-MM-DD") @DateTimeFormat(iso = ISO.DATE) LocalDate from,
		@Parameter(description = "Last day included, YYYY-MM-DD") @DateTimeFormat(iso = ISO.DATE) LocalDate to) {

	static AuditForm of(AuditFilter filter, AuditForm typed) {
		return new AuditForm(filter.organisationCode(), typed.user, typed.entityType, typed.action, typed.from,
				typed.to);
	}

	/** @throws org.cocommission.platform.InvalidInputException naming {@code from} when it is after {@code to} */
	AuditFilter toFilter() {
		return new AuditFilter(organisation, user, entityType, action, from, to);
	}

	/** A link to {@code path} with this filter, leaving out what is empty, and the page asked for. */
	String link(String path, Integer page, Integer size) {
		var uri = UriComponentsBuilder.fromPath(path);
		add(uri, "organisation", organisation);
		add(uri, "user", user);
		add(uri, "entityType", entityType);
		add(uri, "action", action);
		add(uri, "from", from == null ? null : from.toString());
		add(uri, "to", to == null ? null : to.toString());
		if (page != null) {
			uri.queryParam("page", page);
		}
		if (size != null) {
			uri.queryParam("size", size);
		}
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.trim());
		}
	}
}
