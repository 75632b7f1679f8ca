package org.cocommission.authorisation.survey;

/**
 * How a survey question is answered: agreement on five points (1 strongly disagree to 5 strongly agree; 4 and 5
 * count as agreeing), or free text, which has no share agreeing and no interval.
 */
public enum QuestionScale {

	AGREE_5("Agreement, strongly disagree to strongly agree"), FREE_TEXT("Free text");

	private final String label;

	QuestionScale(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
