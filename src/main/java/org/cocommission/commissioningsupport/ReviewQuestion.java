package org.cocommission.commissioningsupport;

import java.util.Arrays;
import java.util.List;

/**
 * The statements of the yearly customer satisfaction review, each answered 1 (strongly disagree) to 5 (strongly
 * agree), grouped by theme; the last, overall satisfaction, decides whether a CCG counts as satisfied
 * (docs/domain-rules.md#commissioning-support, "Reviews of providers").
 */
public enum ReviewQuestion {

	ACCURACY(Theme.QUALITY_OF_WORK, "The work is accurate and of the quality we need"),
	LOCAL_KNOWLEDGE(Theme.QUALITY_OF_WORK, "The staff understand our population and our priorities"),
	TIMELINESS(Theme.RESPONSIVENESS, "Requests are answered and work delivered on time"),
	COMMUNICATION(Theme.RESPONSIVENESS, "We are told early about problems and changes"),
	VALUE_FOR_MONEY(Theme.VALUE_FOR_MONEY, "The service is good value for what we pay"),
	OVERALL(Theme.OVERALL, "Overall, we are satisfied with this service");

	/** The themes the statements are grouped by, in the order shown. */
	public enum Theme {

		QUALITY_OF_WORK("Quality"), RESPONSIVENESS("Responsiveness"), VALUE_FOR_MONEY("Value for money"),
		OVERALL("Overall satisfaction");

		private final String label;

		Theme(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public List<ReviewQuestion> questions() {
			return Arrays.stream(ReviewQuestion.values()).filter(question -> question.theme == this).toList();
		}
	}

	/** The answers, in order, in words. */
	public static final List<String> SCALE = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
			"Agree", "Strongly agree");

	private final Theme theme;

	private final String text;

	ReviewQuestion(Theme theme, String text) {
		this.theme = theme;
		this.text = text;
	}

	public Theme theme() {
		return theme;
	}

	public String text() {
		return text;
	}

	/** The component of {@link ReviewForms.Answers} that holds the answer to this statement. */
	public String field() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder field = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return field.toString();
	}
}
