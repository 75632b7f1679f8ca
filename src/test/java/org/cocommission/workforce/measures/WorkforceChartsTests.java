package org.cocommission.workforce.measures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.workforce.IndexedSeries;
import org.cocommission.workforce.MeasureRow;
import org.cocommission.workforce.PeerComparison;
import org.cocommission.workforce.TrendPoint;
import org.cocommission.workforce.WorkforceMeasure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workforce page's charts (its {@code data-chart} attributes, which workforce-charts.js reads) keep their field
 * names, nesting and values, and their keys come in one order whatever the start.
 */
class WorkforceChartsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final WorkforceMeasure GP = WorkforceMeasure.GP_FTE_PER_10K;

	@Test
	void theTrendChartHasEachOrganisationMonthByMonthWithGapsAsDashes() {
		Map<String, List<TrendPoint>> trends = new LinkedHashMap<>();
		trends.put("England", List.of(point("2015-09", "10.5"), point("2015-12", "11.0")));
		trends.put("00C", List.of(point("2015-12", "9.25")));
		assertPayload(WorkforcePageController.trendChart(trends, List.of("2015-09", "2015-12"), GP.unit()),
				"{\"categories\":[\"2015-09\",\"2015-12\"],\"unit\":\"FTE per 10,000 patients\",\"series\":["
						+ "{\"name\":\"England\",\"values\":[10.5,11.0]},{\"name\":\"00C\",\"values\":[\"-\",9.25]}]}");
	}

	@Test
	void theLinesChartNamesItsMonthsInWords() {
		Map<String, List<TrendPoint>> named = new LinkedHashMap<>();
		named.put("GPs", List.of(point("2015-09", "20.1")));
		named.put("Nurses", List.of(point("2015-09", "10.2"), point("2015-12", "10.4")));
		assertPayload(WorkforcePageController.lines(named, "% of staff FTE"),
				"{\"categories\":[\"September 2015\",\"December 2015\"],\"unit\":\"% of staff FTE\",\"series\":["
						+ "{\"name\":\"GPs\",\"values\":[20.1,\"-\"]},{\"name\":\"Nurses\",\"values\":[10.2,10.4]}]}");
	}

	@Test
	void theBarChartHasTheValuesHighestFirstWithEnglandAsTheReference() {
		List<MeasureRow> rows = List.of(row("B82001", "Low Surgery", "5.5"), row("B82002", null, "7.25"),
				row("B82003", "Withheld Surgery", null));
		assertPayload(WorkforcePageController.barChart(GP, rows, Optional.of(row("ENG", "England", "6.8"))),
				"{\"categories\":[\"B82002\",\"Low Surgery\"],\"unit\":\"FTE per 10,000 patients\",\"series\":["
						+ "{\"name\":\"GP FTE per 10,000 patients\",\"values\":[7.25,5.5]}],"
						+ "\"reference\":{\"name\":\"England\",\"value\":6.8}}");
		assertPayload(WorkforcePageController.barChart(GP, rows, Optional.empty()),
				"{\"categories\":[\"B82002\",\"Low Surgery\"],\"unit\":\"FTE per 10,000 patients\",\"series\":["
						+ "{\"name\":\"GP FTE per 10,000 patients\",\"values\":[7.25,5.5]}]}");
	}

	@Test
	void thePeerChartHasTheOrganisationThenItsPeersWithThePeersOrEnglandAsTheReference() {
		MeasureRow own = row("B82001", "Own Surgery", "5.5");
		List<MeasureRow> peers = List.of(row("B82002", "Near Surgery", "6"), row("B82003", null, null));
		Optional<MeasureRow> england = Optional.of(row("ENG", "England", "6.8"));
		String rowsAndSeries = "{\"categories\":[\"Own Surgery\",\"Near Surgery\",\"B82003\"],"
				+ "\"unit\":\"FTE per 10,000 patients\",\"series\":[{\"name\":\"GP FTE per 10,000 patients\","
				+ "\"values\":[5.5,6,\"-\"]}]";
		assertPayload(WorkforcePageController.peerChart(GP,
				new PeerComparison("B82001", own, peers, 2, new BigDecimal("5.9")), england),
				rowsAndSeries + ",\"reference\":{\"name\":\"Peers together\",\"value\":5.9}}");
		assertPayload(WorkforcePageController.peerChart(GP, new PeerComparison("B82001", own, peers, 2, null), england),
				rowsAndSeries + ",\"reference\":{\"name\":\"England\",\"value\":6.8}}");
		assertPayload(WorkforcePageController.peerChart(GP, new PeerComparison("B82001", own, peers, 2, null),
				Optional.empty()), rowsAndSeries + "}");
	}

	@Test
	void theGrowthChartIndexesEachStaffGroupByYear() {
		List<IndexedSeries> growth = List.of(
				new IndexedSeries("GPs", 2015, new BigDecimal("4.0"),
						List.of(new IndexedSeries.Point(2015, new BigDecimal("100"), new BigDecimal("100.0")),
								new IndexedSeries.Point(2016, new BigDecimal("104"), new BigDecimal("104.0")))),
				new IndexedSeries("Consultants", 2016, null,
						List.of(new IndexedSeries.Point(2016, new BigDecimal("50"), new BigDecimal("100.0")))));
		assertPayload(WorkforcePageController.growthChart(growth),
				"{\"categories\":[\"2015\",\"2016\"],\"unit\":\"index (first common year = 100)\",\"series\":["
						+ "{\"name\":\"GPs\",\"values\":[100.0,104.0]},{\"name\":\"Consultants\",\"values\":[\"-\",100.0]}]}");
	}

	/** The same fields, nesting and values as {@code expected}, and its keys in the same order. */
	static void assertPayload(Object payload, String expected) {
		String actual = JSON.writeValueAsString(payload);
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}

	private static TrendPoint point(String month, String value) {
		return new TrendPoint(month, new BigDecimal(value), false, 0);
	}

	private static MeasureRow row(String code, String name, String value) {
		return new MeasureRow(code, name, null, null, value == null ? null : new BigDecimal(value), value == null, 1, 0,
				null);
	}
}
