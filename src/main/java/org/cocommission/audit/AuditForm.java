package org.cocommission.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.util.UriComponentsBuilder;

/** The trail's filter as typed into the page or the query string, before it is checked. */
record AuditForm(String organisation, String user, String entityType, String action, String from, String to) {

	static AuditForm of(AuditFilter filter, AuditForm typed) {
		return new AuditForm(filter.organisationCode(), typed.user, typed.entityType, typed.action, typed.from,
				typed.to);
	}

	AuditFilter toFilter() {
		return new AuditFilter(organisation, user, entityType, action, date(from, "from"), date(to, "to"));
	}

	/** A link to {@code path} with this filter, leaving out what is empty, and the page asked for. */
	String link(String path, Integer page, Integer size) {
		var uri = UriComponentsBuilder.fromPath(path);
		add(uri, "organisation", organisation);
		add(uri, "user", user);
		add(uri, "entityType", entityType);
		add(uri, "action", action);
		add(uri, "from", from);
		add(uri, "to", to);
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

	private static LocalDate date(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"Enter the '" + name + "' date as year-month-day, for example 2025-03-31, not '" + value + "'");
		}
	}
}
