package org.cocommission.governance;

import jakarta.validation.constraints.Size;

/**
 * An organisation an agenda item affects: a practice or provider by ODS code, a body on the register of bodies by its
 * id ({@code bodyId}; its registered name is then the name), or a provider or contract by name.
 */
public record AffectedOrganisation(Kind kind,
		@Size(max = 12, message = "ODS code must be 12 characters or fewer") String organisationCode,
		@Size(max = 200, message = "Provider or contract must be 200 characters or fewer") String bodyName,
		Long bodyId) {

	public enum Kind {
		PRACTICE, PROVIDER, CONTRACT
	}

	public AffectedOrganisation {
		if (kind == null) {
			throw new IllegalArgumentException("Say whether the item affects a practice, a provider or a contract");
		}
		organisationCode = organisationCode == null || organisationCode.isBlank() ? null
				: organisationCode.trim().toUpperCase();
		bodyName = bodyName == null || bodyName.isBlank() ? null : bodyName.trim();
		if (organisationCode == null && bodyName == null && bodyId == null) {
			throw new IllegalArgumentException("An affected organisation needs an ODS code or a name");
		}
		if (kind == Kind.PRACTICE && organisationCode == null) {
			throw new IllegalArgumentException("A practice is named by its ODS code");
		}
	}

	public AffectedOrganisation(Kind kind, String organisationCode, String bodyName) {
		this(kind, organisationCode, bodyName, null);
	}

	/** The same, named as the register of bodies names it. */
	public AffectedOrganisation withBodyName(String name) {
		return new AffectedOrganisation(kind, organisationCode, name, bodyId);
	}

	/** The same, linked to its entry on the register of bodies. */
	public AffectedOrganisation withBodyId(long id) {
		return new AffectedOrganisation(kind, organisationCode, bodyName, id);
	}

	public String label() {
		return organisationCode != null ? organisationCode + (bodyName != null ? " " + bodyName : "") : bodyName;
	}
}
