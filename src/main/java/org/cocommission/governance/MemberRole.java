package org.cocommission.governance;

/** A person's place on a CCG governing body or committee (co-commissioning guidance, 2014). */
public enum MemberRole {

	GP_MEMBER("GP member", true), LAY_MEMBER("Lay member", true), EXECUTIVE("Executive", true),
	SECONDARY_CARE_DOCTOR("Secondary care doctor", true), NURSE("Nurse", true),
	/** Healthwatch and local authority representatives attend without a vote (configurable per person). */
	HEALTHWATCH("Healthwatch representative", false), LOCAL_AUTHORITY("Local authority representative", false);

	private final String label;

	private final boolean votingByDefault;

	MemberRole(String label, boolean votingByDefault) {
		this.label = label;
		this.votingByDefault = votingByDefault;
	}

	public String label() {
		return label;
	}

	/** The label inside a sentence: "a GP member", "a lay member". */
	public String inSentence() {
		return Character.isUpperCase(label.charAt(1)) ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}

	public boolean votingByDefault() {
		return votingByDefault;
	}
}
