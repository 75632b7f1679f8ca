package org.cocommission.authorisation;

/** How a criterion was assessed in 2012-13: on the evidence submitted, at the site visit, or by the 360 survey. */
public enum AssessmentMethod {

	DESKTOP("Desktop review"), SITE_VISIT("Site visit"), SURVEY_360("360 stakeholder survey");

	private final String label;

	AssessmentMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
