package org.cocommission.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outcomes spine chart, drawn by the application's own script in a real Chromium: each range bar must span from
 * its lowest to its highest value, on either side of England. Skipped, not failed, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpineChartBrowserIT {

	/** England 50, CCGs from 20 to 90, peers from 40 to 60: scaled by the furthest CCG (40) to -0.75..1 and -0.25..0.25. */
	private static final String ONE_INDICATOR = "[{&quot;name&quot;:&quot;X-1&quot;,&quot;label&quot;:&quot;Crafted&quot;,"
			+ "&quot;england&quot;:50,&quot;min&quot;:20,&quot;max&quot;:90,&quot;peerMin&quot;:40,&quot;peerMax&quot;:60,"
			+ "&quot;ccg&quot;:30,&quot;comparison&quot;:&quot;WORSE&quot;}]";

	@LocalServerPort
	int port;

	private Chromium chromium;

	private WebDriver browser;

	private Path page;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1000, 800);
		browser = chromium.driver();
		page = Files.createTempFile("spine", ".html");
		String server = "http://localhost:" + port;
		Files.writeString(page, """
				<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
				<div id="spine" style="width:800px;height:200px" data-chart-type="spine" data-chart="%s"></div>
				<script src="%s/webjars/echarts/5.5.0/echarts.min.js"></script>
				<script src="%s/js/outcomes-charts.js"></script>
				</body></html>
				""".formatted(ONE_INDICATOR, server, server));
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
	void eachRangeSpansFromItsLowestToItsHighestValueEitherSideOfEngland() {
		browser.get(page.toUri().toString());
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
			.executeScript("return typeof echarts !== 'undefined' && !!echarts.getInstanceByDom(document.getElementById('spine'))"));

		assertThat(barEdges(1)).as("all CCGs").containsExactly(pixel(-0.75), pixel(1.0));
		assertThat(barEdges(3)).as("peers").containsExactly(pixel(-0.25), pixel(0.25));
	}

	/** The left and right pixel edges of the series' first bar, rounded. */
	@SuppressWarnings("unchecked")
	private List<Long> barEdges(int series) {
		return (List<Long>) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('spine'));
				var rect = chart.getModel().getSeriesByIndex(arguments[0]).getData().getItemLayout(0);
				var left = Math.min(rect.x, rect.x + rect.width), right = Math.max(rect.x, rect.x + rect.width);
				return [Math.round(left), Math.round(right)];
				""", series);
	}

	private long pixel(double value) {
		return (Long) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('spine'));
				return Math.round(chart.convertToPixel({ xAxisIndex: 0 }, arguments[0]));
				""", value);
	}
}
