package org.cocommission.governance;

/**
 * A body chosen from a list rather than typed: an organisation in the directory by its ODS code, or a body on the
 * register of bodies by its id. On a page it travels as {@code ods:CODE} or {@code body:ID} ({@link #value()}), read
 * back by {@code web.BodyChoiceConverter}.
 */
public record BodyChoice(String organisationCode, Long bodyId) {

	public BodyChoice {
		if ((organisationCode == null) == (bodyId == null)) {
			throw new IllegalArgumentException("A body is chosen by its ODS code or its id on the register, not both");
		}
	}

	public static BodyChoice ofOrganisation(String code) {
		return new BodyChoice(code, null);
	}

	public static BodyChoice ofBody(long id) {
		return new BodyChoice(null, id);
	}

	/** As a page sends it back. */
	public String value() {
		return organisationCode != null ? "ods:" + organisationCode : "body:" + bodyId;
	}

	@Override
	public String toString() {
		return value();
	}
}
