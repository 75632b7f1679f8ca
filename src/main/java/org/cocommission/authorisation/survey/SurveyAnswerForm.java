package org.cocommission.authorisation.survey;

import java.util.List;

/**
 * A stakeholder's answers, in the questionnaire's order: {@code agreement[i]} 1 to 5 for an agreement question,
 * {@code comment[i]} for a free-text one. What each question needs is checked by {@link SurveyLinks#answer}, which
 * knows the questionnaire.
 */
public record SurveyAnswerForm(List<Integer> agreement, List<String> comment) {

	public SurveyAnswerForm {
		// Kept as plain lists: the binder sets indexed values into them after construction.
		agreement = agreement == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(agreement);
		comment = comment == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(comment);
	}

	public Integer agreementAt(int index) {
		return index < agreement.size() ? agreement.get(index) : null;
	}

	public String commentAt(int index) {
		String text = index < comment.size() ? comment.get(index) : null;
		return text == null || text.isBlank() ? null : text.strip();
	}
}
