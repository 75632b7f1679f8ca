package org.cocommission.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.cocommission.platform.InvalidInputException;

/**
 * What to look for in the trail; every part is optional. Dates are whole days, both ends included.
 * Codes, entity types and actions are matched exactly, ignoring case; the actor is a username.
 */
public record AuditFilter(String organisationCode, String actor, String entityType, String action, LocalDate from,
		LocalDate to) {

	public AuditFilter {
		organisationCode = upper(organisationCode);
		actor = blankToNull(actor);
		entityType = upper(entityType);
		action = upper(action);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException("from", "The 'from' date must be the same as or before the 'to' date");
		}
	}

	public AuditFilter withOrganisation(String code) {
		return new AuditFilter(code, actor, entityType, action, from, to);
	}

	private static String upper(String value) {
		String trimmed = blankToNull(value);
		return trimmed == null ? null : trimmed.toUpperCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
