package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The run and comparison pages' charts keep their field names, nesting and values, with their keys in one order. */
class AllocationChartsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aRunsChartGivesEachCcgsDistanceBeforeAndAfterMostUnderTargetFirst() {
		// 01B: 102 against 100 (2%), from 104 (4%); 01A: 98 (-2%), from 95 (-5%).
		List<CcgResult> results = List.of(
				new CcgResult("01B", "NHS B CCG", 1000, BigDecimal.ONE, BigDecimal.ONE, Money.ofPounds(100),
						Money.ofPounds(104), Money.ofPounds(102), 100),
				new CcgResult("01A", "NHS A CCG", 1000, BigDecimal.ONE, BigDecimal.ONE, Money.ofPounds(100),
						Money.ofPounds(95), Money.ofPounds(98), 100));
		assertPayload(AllocationRunPageController.distanceChart(results), "{\"codes\":[\"01A\",\"01B\"],\"series\":["
				+ "{\"name\":\"Last year's allocation against this year's target %\",\"values\":[-5.00,4.00]},"
				+ "{\"name\":\"This run's allocation against target %\",\"values\":[-2.00,2.00]}]}");
	}

	@Test
	void aComparisonsChartGivesEachCcgsDistanceInBothRunsMostUnderTargetInTheFirstFirst() {
		Money any = Money.ofPounds(100);
		List<RunComparison.Line> lines = List.of(
				new RunComparison.Line("01A", "NHS A CCG", any, any, new BigDecimal("1.50"), new BigDecimal("0.50")),
				new RunComparison.Line("01B", "NHS B CCG", any, any, new BigDecimal("-3.00"), new BigDecimal("-1.00")));
		assertPayload(AllocationRunPageController.comparisonChart(7, 9, lines), "{\"codes\":[\"01B\",\"01A\"],\"series\":["
				+ "{\"name\":\"Run 7 (before)\",\"values\":[-3.00,1.50]},{\"name\":\"Run 9 (after)\",\"values\":[-1.00,0.50]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
