package org.cocommission.workforce.planning;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.workforce.WorkforceMeasure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning page's gap chart keeps its field names, nesting and values, and its keys come in one order whatever
 * the start.
 */
class WorkforcePlanningChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theGapChartHasTheStaffAndOnceATargetIsSetTheStaffTheTargetAsksFor() {
		List<WorkforcePlan.Gap> overTime = List.of(gap("2015-09", "40.5", "45.25"), gap("2015-12", null, "46"));
		assertPayload(WorkforcePlanningController.gapChart(plan(new BigDecimal("7"), overTime)),
				"{\"categories\":[\"September 2015\",\"December 2015\"],\"unit\":\"FTE\",\"series\":["
						+ "{\"name\":\"Staff FTE\",\"values\":[40.5,\"-\"]},"
						+ "{\"name\":\"FTE at the target\",\"values\":[45.25,46]}]}");
		assertPayload(WorkforcePlanningController.gapChart(plan(null, overTime)),
				"{\"categories\":[\"September 2015\",\"December 2015\"],\"unit\":\"FTE\",\"series\":["
						+ "{\"name\":\"Staff FTE\",\"values\":[40.5,\"-\"]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}

	private static WorkforcePlan plan(BigDecimal target, List<WorkforcePlan.Gap> overTime) {
		return new WorkforcePlan("00C", "NHS Darlington CCG", WorkforceMeasure.GP_FTE_PER_10K, target, "2015-12",
				List.of(), null, overTime);
	}

	private static WorkforcePlan.Gap gap(String month, String fte, String targetFte) {
		return new WorkforcePlan.Gap("00C", "NHS Darlington CCG", month, fte == null ? null : new BigDecimal(fte),
				null, null, targetFte == null ? null : new BigDecimal(targetFte), null, fte == null);
	}
}
