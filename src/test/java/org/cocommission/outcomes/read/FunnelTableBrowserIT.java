package org.cocommission.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.stream;

import java.io.IOException;

import org.cocommission.browser.Chromium;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In a real Chromium, the indicator page's funnel plot table is not in the page until it is asked for: opening its
 * details fetches it in place; and a practice funnel's chart data (every practice in England) is fetched after the
 * page. Skipped, not failed, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FunnelTableBrowserIT {

	private static final String HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports imports;

	private Chromium chromium;

	@Autowired
	FunnelTableBrowserIT(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports imports) {
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.imports = imports;
	}

	@BeforeEach
	void data() throws IOException {
		chromium = Chromium.start(1200, 1600);
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		StringBuilder csv = new StringBuilder(HEADER);
		OutcomesTestData.PRACTICES_01A.forEach(code -> csv.append(code).append(",PRAC-FLU65,2019/20,60,100\n"));
		OutcomesTestData.PRACTICES_01B.forEach(code -> csv.append(code).append(",PRAC-FLU65,2019/20,70,100\n"));
		as(users, "outcomes-national",
				() -> imports.importFile(ImportFormat.LONG, null, "flu.csv", stream(csv.toString())));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void openingTheFunnelTableFetchesItInPlace() {
		WebDriver browser = chromium.driver();
		String server = "http://localhost:" + port;
		chromium.signIn(server, "outcomes-ccg", OutcomesTestData.PASSWORD);
		browser.get(server + "/outcomes/indicators/PRAC-FLU65?level=ccg&period=2019/20&org=01A");
		assertThat(browser.findElements(By.id("funnel-table"))).as("not in the page until asked for").isEmpty();

		browser.findElement(By.cssSelector("#funnel-details summary")).click();

		String table = chromium.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#funnel-details #funnel-table")))
			.getText();
		assertThat(table).contains("NHS FIRST CCG (01A)", "NHS SECOND CCG (01B)", "60.00", "70.00");
		assertThat(browser.findElements(By.cssSelector("#funnel-details h1"))).as("only the table, not a page")
			.isEmpty();
	}

	@Test
	void aPracticeFunnelIsDrawnFromDataFetchedAfterThePage() {
		WebDriver browser = chromium.driver();
		String server = "http://localhost:" + port;
		chromium.signIn(server, "outcomes-ccg", OutcomesTestData.PASSWORD);
		browser.get(server + "/outcomes/indicators/PRAC-FLU65?level=practice&period=2019/20");
		assertThat(browser.findElement(By.cssSelector("[data-chart-type=funnel]")).getAttribute("data-chart"))
			.as("not carried in the page")
			.isNull();
		Object points = chromium.waiting().until(driver -> ((JavascriptExecutor) driver).executeScript("""
				var element = document.querySelector('[data-chart-type=funnel]');
				var chart = typeof echarts === 'undefined' ? null : echarts.getInstanceByDom(element);
				if (!chart) { return null; }
				var scatter = chart.getOption().series.filter(function (s) { return s.type === 'scatter'; })[0];
				return scatter ? scatter.data.length : null;
				"""));
		assertThat(points).isEqualTo(8L);
	}
}
