package org.cocommission.commissioningsupport.market;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.commissioningsupport.MarketShare;
import org.cocommission.commissioningsupport.SupportProvider;
import org.cocommission.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The national market chart keeps its field names, nesting and values, with its keys in one order. */
class MarketChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartHasEachProvidersShareWithAMissingShareAsADash() {
		List<MarketShare> overall = List.of(
				new MarketShare(null, new SupportProvider("0DE", "North of England CSU", true), 4,
						Money.ofPounds(120_000), new BigDecimal("62.5")),
				new MarketShare(null, new SupportProvider("X1", "Ardent Health Analytics", false), 0, Money.ZERO, null));
		assertPayload(MarketPageController.chart(overall),
				"{\"categories\":[\"North of England CSU\",\"Ardent Health Analytics\"],\"unit\":\"% of value bought\","
						+ "\"series\":[{\"name\":\"Share of value bought\",\"values\":[62.5,\"-\"]}]}");
	}

	private static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
