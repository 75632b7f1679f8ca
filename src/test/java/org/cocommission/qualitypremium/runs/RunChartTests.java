package org.cocommission.qualitypremium.runs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's chart of CCGs by band keeps its field names, nesting and values, with its keys in one order. */
class RunChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasTheBandsAndTheirCountsInTheSameOrder() {
		Map<String, Integer> bands = new LinkedHashMap<>();
		bands.put("Nothing", 2);
		bands.put("0-12.5%", 0);
		bands.put("87.5-100%", 7);
		assertPayload(RunPageController.chart(bands),
				"{\"labels\":[\"Nothing\",\"0-12.5%\",\"87.5-100%\"],\"values\":[2,0,7]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
