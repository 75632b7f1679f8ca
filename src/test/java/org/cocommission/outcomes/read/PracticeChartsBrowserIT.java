package org.cocommission.outcomes.read;

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

import org.cocommission.browser.Chromium;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart of one indicator for the practices of a CCG, drawn by the application's own script in a real Chromium:
 * each practice's 95% interval spans from its lower to its upper limit, and the chosen practice is drawn in red.
 * Skipped, not failed, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PracticeChartsBrowserIT {

	/** Three practices, highest first; P2 is the chosen one. */
	private static final String PRACTICES = "{&quot;practice&quot;:&quot;P2&quot;,&quot;codes&quot;:[&quot;P1&quot;,"
			+ "&quot;P2&quot;,&quot;P3&quot;],&quot;values&quot;:[80,60,40],&quot;lower&quot;:[70,50,30],"
			+ "&quot;upper&quot;:[90,70,50],&quot;ccg&quot;:62,&quot;england&quot;:55}";

	@LocalServerPort
	int port;

	private WebDriver browser;

	private Chromium chromium;

	private Path page;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1000, 800);
		browser = chromium.driver();
		page = Files.createTempFile("practices", ".html");
		String server = "http://localhost:" + port;
		Files.writeString(page, """
				<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
				<div id="chart" style="width:800px;height:240px" data-chart-type="practices-in-ccg" data-chart="%s"></div>
				<script src="%s/webjars/echarts/5.5.0/echarts.min.js"></script>
				<script src="%s/js/outcomes-practice-charts.js"></script>
				</body></html>
				""".formatted(PRACTICES, server, server));
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
	void eachIntervalSpansItsLimitsAndTheChosenPracticeIsRed() {
		browser.get(page.toUri().toString());
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
			.executeScript("return typeof echarts !== 'undefined' && !!echarts.getInstanceByDom(document.getElementById('chart'))"));
		assertThat(intervalEdges(0)).containsExactly(pixel(70), pixel(90));
		assertThat(intervalEdges(2)).containsExactly(pixel(30), pixel(50));
		assertThat(colour(1)).isEqualTo("#d5281b");
		assertThat(colour(0)).isEqualTo("#005eb8");
	}

	@SuppressWarnings("unchecked")
	private List<Long> intervalEdges(int item) {
		return (List<Long>) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('chart'));
				var rect = chart.getModel().getSeriesByIndex(1).getData().getItemLayout(arguments[0]);
				var left = Math.min(rect.x, rect.x + rect.width), right = Math.max(rect.x, rect.x + rect.width);
				return [Math.round(left), Math.round(right)];
				""", item);
	}

	private String colour(int item) {
		return (String) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('chart'));
				return chart.getModel().getSeriesByIndex(2).getData().getItemVisual(arguments[0], 'style').fill;
				""", item);
	}

	private long pixel(double value) {
		return (Long) ((JavascriptExecutor) browser).executeScript("""
				var chart = echarts.getInstanceByDom(document.getElementById('chart'));
				return Math.round(chart.convertToPixel({ xAxisIndex: 0 }, arguments[0]));
				""", value);
	}
}
