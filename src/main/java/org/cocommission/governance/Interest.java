package org.cocommission.governance;

import java.time.LocalDate;

/**
 * One interest of a person, from a declaration or a link to an organisation: the organisation by ODS code or, for a
 * body outside the directory, by name; the last day {@code to} inclusive, null while it lasts.
 */
public record Interest(InterestCategory category, String organisationCode, String bodyName, String description,
		LocalDate from, LocalDate to) {

	public Interest {
		if (category == null || from == null) {
			throw new IllegalArgumentException("An interest needs a category and a start date");
		}
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("An interest cannot end (" + to + ") before it starts (" + from + ")");
		}
	}

	public boolean coversDate(LocalDate date) {
		return !from.isAfter(date) && (to == null || !to.isBefore(date));
	}

	boolean concerns(AffectedOrganisation organisation) {
		if (organisationCode != null && organisation.organisationCode() != null) {
			return organisationCode.equalsIgnoreCase(organisation.organisationCode());
		}
		return bodyName != null && organisation.bodyName() != null
				&& bodyName.trim().equalsIgnoreCase(organisation.bodyName().trim());
	}
}
