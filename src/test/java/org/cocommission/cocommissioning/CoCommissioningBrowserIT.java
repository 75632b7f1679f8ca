package org.cocommission.cocommissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.cocommission.browser.Chromium;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Co-commissioning in a real Chromium. The application page saves what a CCG types and keeps it after a reload; when
 * someone else saved first, it says so instead of overwriting their work. The national view draws its chart. Skipped
 * where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Configuration.class)
class CoCommissioningBrowserIT {

	private static final Path SCREENSHOT = Path.of("/tmp/browser-autosave.png");

	@LocalServerPort
	int port;

	private final Rounds rounds;

	private final Applications applications;

	private final UserDetailsService users;

	private final MutableClock clock;

	private Chromium chromium;

	@Autowired
	CoCommissioningBrowserIT(Rounds rounds, Applications applications, UserDetailsService users,
			MutableClock clock, DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		this.rounds = rounds;
		this.applications = applications;
		this.users = users;
		this.clock = clock;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1280, 2000);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void savesWhatTheCcgTypesAndRefusesToOverwriteSomeoneElsesSave() throws IOException {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		long roundId = CoCommissioningTestData.as(users, "cc-national",
				() -> rounds.create(CoCommissioningTestData.round("Autosave round")).id());
		long id = CoCommissioningTestData.as(users, "cc-ao-50a",
				() -> CoCommissioningTestData.start(applications, roundId, "50A", CommissioningLevel.JOINT).id());
		WebDriver browser = chromium.driver();
		String server = "http://localhost:" + port;
		chromium.signIn(server, "cc-ao-50a", CoCommissioningTestData.PASSWORD);

		browser.get(server + "/co-commissioning/applications/" + id);
		type("One plan for care outside hospital, written with our member practices.");
		chromium.waiting()
			.until(ExpectedConditions.textMatches(By.id("autosave-message-integration"),
					java.util.regex.Pattern.compile("Saved at \\d\\d:\\d\\d\\.")));
		browser.navigate().refresh();
		assertThat(integration().getAttribute("value"))
			.isEqualTo("One plan for care outside hospital, written with our member practices.");

		int current = CoCommissioningTestData.as(users, "cc-ao-50a", () -> applications.application(id).version());
		CoCommissioningTestData.as(users, "cc-ao-50a", () -> applications.saveSections(id,
				Map.of(Section.STANDARDS, "A colleague's text, saved from another window."), current));
		type(" And a sentence more.");
		WebElement message = chromium.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#autosave-message-integration.nhsuk-error-message")));
		// The other change was this user's own, from another window: the message says so and the text typed stays.
		assertThat(message.getText()).startsWith("You changed this application in another tab or window");
		assertThat(integration().getAttribute("value")).endsWith(" And a sentence more.");
		assertThat(CoCommissioningTestData.as(users, "cc-ao-50a", () -> applications.application(id).sections()))
			.containsEntry(Section.STANDARDS, "A colleague's text, saved from another window.")
			.containsEntry(Section.INTEGRATION, "One plan for care outside hospital, written with our member practices.");
		chromium.screenshot(SCREENSHOT);
	}

	@Test
	void drawsTheNationalChartOfLevelsByRegion() {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		long roundId = CoCommissioningTestData.as(users, "cc-national",
				() -> rounds.create(CoCommissioningTestData.round("Chart round")).id());
		String server = "http://localhost:" + port;
		chromium.signIn(server, "cc-national", CoCommissioningTestData.PASSWORD);

		chromium.driver().get(server + "/co-commissioning/national?round=" + roundId);
		WebElement canvas = chromium.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#levels-by-region canvas")));
		assertThat(canvas.getSize().getWidth()).isGreaterThan(200);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
	}

	private WebElement integration() {
		return chromium.driver().findElement(By.id(Section.INTEGRATION.slug()));
	}

	private void type(String text) {
		integration().sendKeys(text);
	}
}
