package org.cocommission.authorisation.survey;

/** Who a CCG's 360 stakeholders are (docs/domain-rules.md, "CCG authorisation"). */
public enum StakeholderGroup {

	MEMBER_PRACTICE("Member practice"), PROVIDER("Provider"), NEIGHBOURING_CCG("Neighbouring CCG"),
	LOCAL_AUTHORITY("Local authority"), HEALTH_AND_WELLBEING_BOARD("Health and wellbeing board"),
	PATIENT_GROUP("Patient group");

	private final String label;

	StakeholderGroup(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
