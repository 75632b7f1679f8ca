package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;
import org.cocommission.outcomes.ValueRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' JSON (the pages' {@code data-chart} attributes and the discussion snapshots) keeps its keys in one order,
 * the order each chart is built in, whatever the start: a page or a snapshot compared byte for byte, or cached, is the
 * same across restarts. {@code Map.of} iterates in an order salted per JVM; these are built as {@code LinkedHashMap}s.
 */
class OutcomesChartsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Indicator INDICATOR = new Indicator("T-FLU", "Flu uptake", OutcomesDomain.of(1),
			OutcomesLevel.PRACTICE, IndicatorType.PROPORTION, 100, Polarity.HIGH_IS_GOOD, "Vaccinated",
			"Registered patients aged 65 and over", false, "test", StatisticalMethod.WILSON, null);

	private static final ValueRow ROW = new ValueRow("01A", "NHS A CCG", "Q30", 30, 100, 30.0, 21.9, 39.5, 17.0, 45.6,
			"SIMILAR", 5, false);

	@Test
	void theDecilesChartHasItsKeysInTheOrderItIsBuilt() {
		DecileSeries series = new DecileSeries("T-FLU", OutcomesLevel.CCG, List.of("2019/20"),
				List.<double[]>of(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }), "01A", List.of(30.0), List.of(31.0));
		assertThat(keys(OutcomesCharts.deciles(series, INDICATOR)))
			.containsExactly("periods", "deciles", "org", "orgValues", "england", "unit");
		assertThat(OutcomesCharts.deciles(series, INDICATOR)).isEqualTo(OutcomesCharts.deciles(series, INDICATOR));
	}

	@Test
	void theFunnelChartHasItsKeysInTheOrderItIsBuilt() {
		FunnelPlot funnel = new FunnelPlot(31.0,
				List.of(new FunnelPlot.Point("01A", "NHS A CCG", 100, 30.0, "Not significant", 21.9, 39.5)),
				List.of(new FunnelPlot.Limit(100, 22.0, 40.0, 18.0, 45.0)));
		assertThat(keys(OutcomesCharts.funnel(funnel, INDICATOR, "01a")))
			.containsExactly("benchmark", "points", "limits", "unit", "polarity", "yTitle", "xTitle", "org");
	}

	@Test
	void theSpineChartHasItsKeysInTheOrderItIsBuilt() {
		SpineRow row = new SpineRow(INDICATOR, "2019/20", 31.0, ROW, 25.0, 35.0, 20.0, 40.0);
		JsonNode spine = JSON.readTree(OutcomesCharts.spine(List.of(row)));
		assertThat(names(spine.get(0))).containsExactly("name", "label", "england", "ccg", "peerMin", "peerMax", "min",
				"max", "comparison", "polarity", "domain", "domainNumber", "peerAverage", "comparedToPeers");
	}

	private static List<String> keys(String json) {
		return names(JSON.readTree(json));
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}
}
