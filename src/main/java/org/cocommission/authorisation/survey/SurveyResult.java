package org.cocommission.authorisation.survey;

/**
 * One question's result for a CCG: responses, how many agreed (4 or 5 of 5) and the share with its Wilson 95%
 * interval, beside the national share. Under the anonymity threshold only the number of responses is given.
 */
public record SurveyResult(int number, String question, int responses, Integer agree, Double agreePercent,
		Double lower95, Double upper95, Double nationalAgreePercent) {

	/** No breakdown for fewer responses than this (docs/domain-rules.md). */
	public static final int ANONYMITY_THRESHOLD = 5;

	static SurveyResult of(int number, String question, int responses, int agree, int nationalResponses,
			int nationalAgree) {
		Double national = nationalResponses == 0 ? null : percent((double) nationalAgree / nationalResponses);
		if (responses < ANONYMITY_THRESHOLD) {
			return new SurveyResult(number, question, responses, null, null, null, null, national);
		}
		WilsonInterval interval = WilsonInterval.of(agree, responses);
		return new SurveyResult(number, question, responses, agree, percent((double) agree / responses),
				percent(interval.lower()), percent(interval.upper()), national);
	}

	/**
	 * Pooled answers of several questions ({@code answers} of them, {@code agree} agreeing) given by
	 * {@code respondents} stakeholders: no breakdown when fewer than the threshold answered, however many answers.
	 */
	static SurveyResult pooled(int number, String label, int respondents, int answers, int agree, int nationalAnswers,
			int nationalAgree) {
		if (respondents < ANONYMITY_THRESHOLD) {
			Double national = nationalAnswers == 0 ? null : percent((double) nationalAgree / nationalAnswers);
			return new SurveyResult(number, label, answers, null, null, null, null, national);
		}
		return of(number, label, answers, agree, nationalAnswers, nationalAgree);
	}

	private static double percent(double share) {
		return Math.round(share * 1000) / 10.0;
	}
}
