package org.cocommission.cocommissioning.national;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.cocommissioning.CommissioningLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** The national view's chart keeps its field names, nesting and values, with its keys in one order. */
class NationalChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasASeriesPerLevelRegionByRegion() {
		List<NationalView.RegionCount> byRegion = List.of(
				new NationalView.RegionCount("North", Map.of(CommissioningLevel.GREATER_INVOLVEMENT, 3,
						CommissioningLevel.JOINT, 5, CommissioningLevel.DELEGATED, 2)),
				new NationalView.RegionCount("London", Map.of(CommissioningLevel.GREATER_INVOLVEMENT, 1,
						CommissioningLevel.JOINT, 0, CommissioningLevel.DELEGATED, 4)));
		assertPayload(NationalPageController.chart(byRegion), "{\"regions\":[\"North\",\"London\"],\"series\":["
				+ "{\"name\":\"Greater involvement\",\"values\":[3,1]},{\"name\":\"Joint commissioning\",\"values\":[5,0]},"
				+ "{\"name\":\"Delegated commissioning\",\"values\":[2,4]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
