package org.cocommission.authorisation.survey;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey report's chart keeps its field names, nesting and values, with its keys in one order. */
class SurveyReportChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasPerQuestionTheShareAgreeingWithItsIntervalAndTheNationalShare() {
		SurveyReport report = new SurveyReport(1, "2013 360 survey", 2013, "00C", 20, 12, List.of(
				new SurveyReport.QuestionResult(1,
						new SurveyResult(1, "The CCG listens", 12, 9, 75.0, 46.8, 91.1, 70.5)),
				new SurveyReport.QuestionResult(1, new SurveyResult(2, "The CCG explains", 3, null, null, null, null,
						68.0))),
				List.of(), List.of());
		assertPayload(SurveyReportController.chart(report), "{\"questions\":[\"Q1\",\"Q2\"],\"ccg\":[75.0,null],"
				+ "\"intervals\":[[46.8,91.1],null],\"national\":[70.5,68.0]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
