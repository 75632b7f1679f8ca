package org.cocommission.authorisation.survey;

import java.util.List;

/**
 * A CCG's 360 survey report for one survey year: how many stakeholders were invited and answered, the result of each
 * agreement question and of each domain (all its agreement answers pooled), with Wilson 95% intervals beside the
 * national share. Under the anonymity threshold a question or domain has no breakdown (docs/domain-rules.md).
 */
public record SurveyReport(long surveyId, String surveyName, Integer year, String ccgCode, int invited, int answered,
		List<QuestionResult> questions, List<Breakdown> domains, List<Breakdown> groups) {

	/** A question's result with the domain it belongs to. */
	public record QuestionResult(int domainNumber, SurveyResult result) {
	}

	/**
	 * A domain's or stakeholder group's result: {@code respondents} is how many stakeholders answered any of the
	 * agreement questions concerned (the anonymity threshold applies to them); {@code result} pools their answers.
	 */
	public record Breakdown(String label, int respondents, SurveyResult result) {

		public boolean shown() {
			return result.agreePercent() != null;
		}
	}

	public double responsePercent() {
		return invited == 0 ? 0 : Math.round(1000.0 * answered / invited) / 10.0;
	}

	/** Whether the CCG has too few answers for any breakdown. */
	public boolean belowThreshold() {
		return answered < SurveyResult.ANONYMITY_THRESHOLD;
	}
}
