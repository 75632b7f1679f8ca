package org.cocommission.outcomes.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.cocommission.browser.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel plot, spine chart and deciles chart drawn by the application's own script in a real Chromium, read back
 * from the drawn chart's options (series, colours, legend, axis titles), not only that a canvas exists. Skipped, not
 * failed, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutcomesChartsBrowserIT {

	/** Five CCGs, one in each place against the limits; high is good; 01B is the chosen one. */
	private static final String FUNNEL = """
			{"benchmark":50,"unit":"%","polarity":"HIGH_IS_GOOD","yTitle":"Diabetes control (%)",
			 "xTitle":"Denominator: people with diabetes","org":"01B",
			 "points":[[1000,70,"01A Alpha","High (99.8%)",67,73],[1000,54,"01B Beta","High (95%)",51,57],
			           [1000,50,"01C Gamma","Not significant",47,53],[1000,46,"01D Delta","Low (95%)",43,49],
			           [1000,30,"01E Epsilon","Low (99.8%)",27,33]],
			 "limits":[[500,45,55,43,57],[1000,47,53,45,55],[2000,48,52,46,54]]}""";

	/** Two domains; emergency admissions are low-is-good, so a CCG below England is drawn to the right (better). */
	private static final String SPINE = """
			[{"name":"CCGOIS-2.6","label":"Emergency admissions","england":100,"ccg":80,"peerMin":85,"peerMax":110,
			  "min":60,"max":140,"comparison":"BETTER","polarity":"LOW_IS_GOOD","domain":"2. Long-term conditions","domainNumber":2},
			 {"name":"CCGOIS-1.1","label":"Years of life lost","england":2000,"ccg":2100,"peerMin":1900,"peerMax":2200,
			  "min":1500,"max":2600,"comparison":"WORSE","polarity":"LOW_IS_GOOD","domain":"1. Preventing premature death","domainNumber":1},
			 {"name":"CCGOIS-4.2","label":"Patient experience","england":75,"ccg":76,"peerMin":74,"peerMax":78,
			  "min":70,"max":80,"comparison":"SIMILAR","polarity":"HIGH_IS_GOOD","domain":"4. Positive experience","domainNumber":4}]""";

	private static final String DECILES = """
			{"periods":["2013/14","2014/15"],"unit":"%","org":"01A","orgLabel":"NHS Alpha CCG (01A)",
			 "orgValues":[55,56],"england":[50,51],"peer":"01B","peerLabel":"NHS Beta CCG (01B)","peerValues":[48,47],
			 "deciles":[[40,41],[42,43],[44,45],[46,47],[50,51],[52,53],[54,55],[56,57],[58,59]]}""";

	@LocalServerPort
	int port;

	private WebDriver browser;

	private Chromium chromium;

	private Path page;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1366, 900);
		browser = chromium.driver();
		page = Files.createTempFile("outcomes-charts", ".html");
		String server = "http://localhost:" + port;
		Files.writeString(page, """
				<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
				<div id="funnel" style="width:900px;height:440px" data-chart-type="funnel" data-chart="%s"></div>
				<div id="spine" style="width:900px;height:400px" data-chart-type="spine" data-chart="%s"></div>
				<div id="deciles" style="width:900px;height:400px" data-chart-type="deciles" data-chart="%s"></div>
				<script src="%s/webjars/echarts/5.5.0/echarts.min.js"></script>
				<script src="%s/js/outcomes-charts.js"></script>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(FUNNEL), HtmlUtils.htmlEscape(SPINE), HtmlUtils.htmlEscape(DECILES),
				server, server));
		browser.get(page.toUri().toString());
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
			.executeScript("return typeof echarts !== 'undefined' && ['funnel', 'spine', 'deciles'].every(function (id) {"
					+ " return !!echarts.getInstanceByDom(document.getElementById(id)); })"));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (page != null) {
			Files.deleteIfExists(page);
		}
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theFunnelPlotColoursEachPointByItsPlaceAgainstTheLimitsAndNamesTheChosenOrganisation() {
		List<Map<String, Object>> series = series("funnel");

		assertThat(series).filteredOn(s -> "scatter".equals(s.get("type")))
			.extracting(s -> s.get("name") + " " + colour(s))
			.containsExactly("Better: outside the 99.8% limits #007f3b", "Within the 95% limits #ffb81c",
					"Worse: outside the 95% limits #ed8b00", "Worse: outside the 99.8% limits #d5281b",
					"01B Beta #78be20");
		Map<String, Object> chosen = series.stream().filter(s -> "01B Beta".equals(s.get("name"))).findFirst().orElseThrow();
		assertThat(((Map<?, ?>) chosen.get("label")).get("show")).isEqualTo(true);
		// The limits are drawn above the points.
		assertThat(series).filteredOn(s -> "line".equals(s.get("type")))
			.extracting(s -> s.get("name"))
			.containsExactly("England", "95% limits", "95% limits", "99.8% limits", "99.8% limits");
		assertThat(series).filteredOn(s -> "line".equals(s.get("type")))
			.allSatisfy(line -> assertThat(((Number) line.get("z")).intValue()).isGreaterThan(2));
		assertThat(legend("funnel")).contains("Better: outside the 99.8% limits", "01B Beta", "England", "95% limits",
				"99.8% limits");
		assertThat(axisName("funnel", "xAxis")).isEqualTo("Denominator: people with diabetes");
		assertThat(axisName("funnel", "yAxis")).isEqualTo("Diabetes control (%)");
		assertThat(tooltip("funnel", 0, 0)).contains("01A Alpha").contains("70.0%").contains("67.0 to 73.0");
	}

	@Test
	void theSpineChartLabelsRowsByNameGroupedByDomainWithBetterAlwaysToTheRight() {
		List<Map<String, Object>> series = series("spine");

		assertThat(categories("spine")).containsExactly("{domain|1. Preventing premature death}", "Years of life lost",
				"{domain|2. Long-term conditions}", "Emergency admissions", "{domain|4. Positive experience}",
				"Patient experience");
		assertThat(legend("spine")).containsExactly("Range of all CCGs", "Range of peers", "CCG: better than England",
				"CCG: similar to England", "CCG: worse than England");
		Map<String, Object> better = series.stream().filter(s -> "CCG: better than England".equals(s.get("name")))
			.findFirst().orElseThrow();
		// Emergency admissions 80 against England 100, low is good: to the right of England.
		List<?> point = (List<?>) ((Map<?, ?>) ((List<?>) better.get("data")).get(3)).get("value");
		assertThat(((Number) point.get(0)).doubleValue()).isPositive();
		assertThat(colour(better)).isEqualTo("#007f3b");
		assertThat(colour(series.stream().filter(s -> "Range of peers".equals(s.get("name"))).findFirst().orElseThrow()))
			.isNotEqualTo(colour(series.stream().filter(s -> "Range of all CCGs".equals(s.get("name"))).findFirst()
				.orElseThrow()));
		assertThat(axisName("spine", "xAxis")).contains("worse").contains("better").contains("scaled");
	}

	@Test
	void theDecilesLegendMatchesItsLinesNamesTheMedianAndShowsThePeer() {
		List<Map<String, Object>> series = series("deciles");

		assertThat(legend("deciles")).containsExactly("Median (50th percentile)",
				"Other deciles (10th to 90th percentile)", "England", "NHS Alpha CCG (01A)", "NHS Beta CCG (01B)");
		Map<String, Object> median = series.stream().filter(s -> "Median (50th percentile)".equals(s.get("name")))
			.findFirst().orElseThrow();
		assertThat(((Map<?, ?>) median.get("lineStyle")).get("type")).isEqualTo("solid");
		assertThat(series).filteredOn(s -> "Other deciles (10th to 90th percentile)".equals(s.get("name"))).hasSize(8)
			.allSatisfy(s -> assertThat(((Map<?, ?>) s.get("lineStyle")).get("type")).isEqualTo("dashed"));
		assertThat(series).filteredOn(s -> "NHS Beta CCG (01B)".equals(s.get("name"))).singleElement()
			.satisfies(peer -> assertThat(peer.get("data")).isEqualTo(List.of(48L, 47L)));
		assertThat(axisName("deciles", "yAxis")).isEqualTo("Value (%)");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> series(String id) {
		return (List<Map<String, Object>>) script("return chart(arguments[0]).getOption().series", id);
	}

	@SuppressWarnings("unchecked")
	private List<String> legend(String id) {
		return (List<String>) script("return chart(arguments[0]).getOption().legend[0].data", id);
	}

	@SuppressWarnings("unchecked")
	private List<String> categories(String id) {
		return (List<String>) script("return chart(arguments[0]).getOption().yAxis[0].data", id);
	}

	private String axisName(String id, String axis) {
		return (String) script("return chart(arguments[0]).getOption()[arguments[1]][0].name", id, axis);
	}

	/** The tooltip text of one point, as the chart's own formatter writes it. */
	private String tooltip(String id, int series, int item) {
		return (String) script("""
				var c = chart(arguments[0]);
				var s = c.getOption().series[arguments[1]];
				return c.getOption().tooltip[0].formatter({ seriesType: 'scatter', seriesName: s.name, data: s.data[arguments[2]] });
				""", id, series, item);
	}

	private static String colour(Map<String, Object> series) {
		return String.valueOf(((Map<?, ?>) series.get("itemStyle")).get("color"));
	}

	private Object script(String body, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(
				"function chart(id) { return echarts.getInstanceByDom(document.getElementById(id)); }\n" + body, arguments);
	}
}
