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
 * A funnel plot captured with a discussion comment, drawn in a real Chromium by the script that draws the indicator
 * page's: the discussion's own organisation is a series of its own, apart from the others, while the page's funnel,
 * which names no organisation, keeps every point in one. Skipped, not failed, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FunnelSnapshotBrowserIT {

	/** Two CCGs around England's 50, with the 95% and 99.8% limits at two denominators. */
	private static final String FUNNEL = "&quot;benchmark&quot;:50,&quot;points&quot;:["
			+ "[100,40,&quot;01A NHS FIRST CCG&quot;],[200,60,&quot;01B NHS SECOND CCG&quot;]],"
			+ "&quot;limits&quot;:[[50,36,64,29,71],[250,44,56,40,60]]";

	@LocalServerPort
	int port;

	private Chromium chromium;

	private WebDriver browser;

	private Path page;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1000, 800);
		browser = chromium.driver();
		page = Files.createTempFile("funnel", ".html");
		String server = "http://localhost:" + port;
		Files.writeString(page, """
				<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
				<div id="page" style="width:800px;height:300px" data-chart-type="funnel" data-chart="{%s}"></div>
				<div id="snapshot" style="width:800px;height:300px" data-snapshot-type="funnel"
				  data-snapshot="{&quot;org&quot;:&quot;01A&quot;,%s}"></div>
				<script src="%s/webjars/echarts/5.5.0/echarts.min.js"></script>
				<script src="%s/js/outcomes-charts.js"></script>
				</body></html>
				""".formatted(FUNNEL, FUNNEL, server, server));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		Files.deleteIfExists(page);
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theDiscussionsOrganisationIsDrawnApartOnlyInTheSnapshot() {
		browser.get(page.toUri().toString());
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
			.executeScript("""
					return typeof echarts !== 'undefined'
					    && !!echarts.getInstanceByDom(document.getElementById('snapshot'))
					"""));

		assertThat(scatter("page")).containsExactly("Within the 95% limits: 2");
		assertThat(scatter("snapshot")).containsExactly("Within the 95% limits: 1", "01A NHS FIRST CCG: 1");
	}

	/** Each scatter series of the chart as its name and how many points it has. */
	@SuppressWarnings("unchecked")
	private List<String> scatter(String id) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("""
				return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series
				    .filter(function (s) { return s.type === 'scatter'; })
				    .map(function (s) { return s.name + ': ' + s.data.length; });
				""", id);
	}
}
