package org.cocommission.authorisation.assurance;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.authorisation.Assurance;
import org.cocommission.authorisation.AssuranceRating;

import static org.assertj.core.api.Assertions.assertThat;

/** The assurance page's chart keeps its field names, nesting and values, with its keys in one order. */
class AssuranceChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasASeriesPerRatingYearByYear() {
		List<Assurance.YearCounts> counts = List.of(
				new Assurance.YearCounts(2014, Map.of(AssuranceRating.OUTSTANDING, 1, AssuranceRating.GOOD, 5,
						AssuranceRating.REQUIRES_IMPROVEMENT, 2, AssuranceRating.INADEQUATE, 0)),
				new Assurance.YearCounts(2015, Map.of(AssuranceRating.OUTSTANDING, 2, AssuranceRating.GOOD, 4,
						AssuranceRating.REQUIRES_IMPROVEMENT, 1, AssuranceRating.INADEQUATE, 1)));
		assertPayload(AssuranceController.chart(counts), "{\"years\":[\"2014/15\",\"2015/16\"],\"series\":["
				+ "{\"name\":\"Outstanding\",\"values\":[1,2]},{\"name\":\"Good\",\"values\":[5,4]},"
				+ "{\"name\":\"Requires improvement\",\"values\":[2,1]},{\"name\":\"Inadequate\",\"values\":[0,1]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
