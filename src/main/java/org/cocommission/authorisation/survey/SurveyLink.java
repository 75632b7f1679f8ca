package org.cocommission.authorisation.survey;

import java.util.List;

/** What a stakeholder's one-time survey link opens: the survey's questions while the link is good, else why not. */
public record SurveyLink(Status status, long invitationId, String surveyName, String ccgCode, List<Question> questions) {

	public enum Status {

		OPEN, USED, EXPIRED, REVOKED
	}

	public record Question(int number, int domainNumber, String text, QuestionScale scale) {

		public Question(int number, int domainNumber, String text) {
			this(number, domainNumber, text, QuestionScale.AGREE_5);
		}
	}

	static SurveyLink closed(Status status) {
		return new SurveyLink(status, 0, null, null, List.of());
	}
}
