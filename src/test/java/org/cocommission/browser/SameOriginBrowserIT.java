package org.cocommission.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing a page needs comes from another origin: the NHS.UK frontend's licensed font lives on a remote host, and a
 * page kept people waiting for it. Pages use the frontend's system font stack instead. Skipped, not failed, where
 * Chromium or its driver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SameOriginBrowserIT {

	@LocalServerPort
	int port;

	private Chromium chromium;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1280, 900);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void publishedPagesLoadNothingFromAnotherOrigin() {
		WebDriver browser = chromium.driver();
		String origin = "http://localhost:" + port;
		for (String page : List.of("/", "/organisations", "/coverage", "/login")) {
			browser.get(origin + page);
			chromium.waiting()
				.until(driver -> "complete"
					.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
			@SuppressWarnings("unchecked")
			List<String> resources = (List<String>) ((JavascriptExecutor) browser).executeScript(
					"return performance.getEntriesByType('resource').map(entry => entry.name)");
			assertThat(resources).as(page).isNotEmpty().allMatch(url -> url.startsWith(origin));
			Object fontFamily = ((JavascriptExecutor) browser)
				.executeScript("return getComputedStyle(document.documentElement).fontFamily");
			assertThat(String.valueOf(fontFamily)).as(page).doesNotContain("Frutiger");
		}
	}
}
