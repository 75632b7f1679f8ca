package org.cocommission.authorisation.survey;

import java.util.List;

/**
 * A 360 survey as its builder sees it: the questionnaire, and per CCG how many stakeholders were invited and how many
 * answered so far (live). Once any link is out the questionnaire is fixed.
 */
public record SurveySummary(long id, String name, Integer year, List<SurveyLink.Question> questions,
		List<ResponseRate> rates) {

	public record ResponseRate(String ccgCode, int invited, int answered) {

		public double percent() {
			return invited == 0 ? 0 : Math.round(1000.0 * answered / invited) / 10.0;
		}
	}

	public int invited() {
		return rates.stream().mapToInt(ResponseRate::invited).sum();
	}

	public int answered() {
		return rates.stream().mapToInt(ResponseRate::answered).sum();
	}

	public boolean fixed() {
		return invited() > 0;
	}
}
