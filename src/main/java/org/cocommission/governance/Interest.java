package org.cocommission.governance;

import java.time.LocalDate;

import org.cocommission.governance.people.BodyNames;
import org.cocommission.platform.InvalidInputException;

/**
 * One interest of a person, from a declaration or ({@code linked}) a link to an organisation: the organisation by ODS
 * code or, for a body outside the directory, by name (compared as {@link BodyNames} says); the last day {@code to} inclusive, null while it lasts.
 */
public record Interest(InterestCategory category, String organisationCode, String bodyName, String description,
		LocalDate from, LocalDate to, boolean linked, Long bodyId) {

	/** An interest in a body named, not chosen from the register of bodies. */
	public Interest(InterestCategory category, String organisationCode, String bodyName, String description,
			LocalDate from, LocalDate to, boolean linked) {
		this(category, organisationCode, bodyName, description, from, to, linked, null);
	}

	/** A declared interest. */
	public Interest(InterestCategory category, String organisationCode, String bodyName, String description,
			LocalDate from, LocalDate to) {
		this(category, organisationCode, bodyName, description, from, to, false);
	}

	public Interest {
		if (category == null || from == null) {
			throw new IllegalArgumentException("An interest needs a category and a start date");
		}
		if (to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "An interest cannot end (" + to + ") before it starts (" + from + ")");
		}
	}

	/** The start date a new interest must have: refused, on the field {@code from}, when it is missing. */
	public static LocalDate startOf(LocalDate from) {
		if (from == null) {
			throw new InvalidInputException("from", "Give the start date");
		}
		return from;
	}

	public boolean coversDate(LocalDate date) {
		return !from.isAfter(date) && (to == null || !to.isBefore(date));
	}

	public boolean concerns(AffectedOrganisation organisation) {
		return sameOrganisation(organisation.organisationCode(), organisation.bodyName(), organisation.bodyId());
	}

	/** Whether the other interest is of the same category in the same organisation: the same tie, told twice. */
	public boolean sameTieAs(Interest other) {
		return category == other.category && sameOrganisation(other.organisationCode, other.bodyName, other.bodyId);
	}

	/** The same body on the register of bodies, the same ODS code, or names that compare the same. */
	private boolean sameOrganisation(String code, String body, Long id) {
		if (bodyId != null && id != null) {
			return bodyId.equals(id);
		}
		if (organisationCode != null && code != null) {
			return organisationCode.equalsIgnoreCase(code);
		}
		return bodyName != null && body != null && BodyNames.same(bodyName, body);
	}
}
