package org.cocommission.authorisation.panel;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.authorisation.ConditionsInForce;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorisation page's chart of conditions keeps its field names, nesting and values, in one key order. */
class ConditionsInForceChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasTheConditionsInForceAndThoseWithDirectionsMonthByMonth() {
		ConditionsInForce inForce = new ConditionsInForce(List.of(
				new ConditionsInForce.Point(LocalDate.of(2013, 4, 1), 12, 3, 9),
				new ConditionsInForce.Point(LocalDate.of(2013, 5, 1), 10, 2, 8)));
		assertPayload(AuthorisationPageController.chart(inForce), "{\"months\":[\"2013-04-01\",\"2013-05-01\"],"
				+ "\"series\":[{\"name\":\"Conditions in force\",\"values\":[12,10]},"
				+ "{\"name\":\"Conditions with directions\",\"values\":[3,2]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
