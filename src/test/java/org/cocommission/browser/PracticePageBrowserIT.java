package org.cocommission.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

/**
 * A commissioner in a real Chromium: logs in, finds a practice with the type-ahead, opens it, and sees its CCG, area
 * team and population pyramid. Skipped, not failed, where Chromium or its driver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PracticePageBrowserIT {

	private static final Path SCREENSHOT = Path.of("/tmp/browser-practice.png");

	private static final Path SUGGESTIONS_SCREENSHOT = Path.of("/tmp/browser-suggestions.png");

	private static final String PASSWORD = "a-long-enough-test-password";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private Chromium chromium;

	@Autowired
	PracticePageBrowserIT(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1280, 2200);
		insertDirectory();
		if (accounts.find("commissioner").isEmpty()) {
			accounts.create(new NewUser("commissioner", "Casey Commissioner", "casey@example.nhs.uk", Role.CCG, "07L",
					PASSWORD));
		}
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void commissionerFindsAPracticeAndSeesItsHierarchyAndPopulationPyramid() throws IOException {
		WebDriver browser = chromium.driver();
		WebDriverWait wait = chromium.waiting();
		chromium.signIn("http://localhost:" + port, "commissioner", PASSWORD);
		assertThat(browser.findElements(By.cssSelector(".cc-synthetic-banner")))
			.as("no synthetic data banner over real data")
			.isEmpty();

		browser.findElement(By.id("organisation-search")).sendKeys("barking medical");
		WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#search-suggestions a[href='/organisations/F82001']")));
		assertThat(browser.findElement(By.id("search-suggestions")).getText()).contains("IG11 8QU",
				"NHS Barking and Dagenham CCG");
		chromium.screenshot(SUGGESTIONS_SCREENSHOT);
		suggestion.click();

		wait.until(ExpectedConditions.textToBe(By.id("organisation-name"), "Barking Medical Centre"));
		WebElement pyramid = wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#population-pyramid canvas")));
		assertThat(pyramid.getSize().getWidth()).isGreaterThan(100);
		assertThat(pyramid.getSize().getHeight()).isGreaterThan(100);
		String hierarchy = browser.findElement(By.id("hierarchy")).getText();
		assertThat(hierarchy).contains("NHS Barking and Dagenham CCG", "London Area Team",
				"London Commissioning Region");
		assertThat(browser.findElement(By.id("organisation-details")).getText()).contains("CCG",
				"NHS Barking and Dagenham CCG", "Area team", "London Area Team", "4,000");

		chromium.screenshot(SCREENSHOT);
	}

	/** A practice under a CCG, an area team and a region, with its registered list by age and sex. */
	private void insertDirectory() {
		if (jdbc.sql("select exists (select 1 from directory_organisation where code = 'F82001')")
			.query(Boolean.class)
			.single()) {
			return;
		}
		LocalDate april2013 = LocalDate.of(2013, 4, 1);
		LocalDate extract = LocalDate.of(2024, 4, 1);
		List<List<String>> organisations = List.of(List.of("Y56", "REGION", "London Commissioning Region", "X24"),
				List.of("Q71", "AREA_TEAM", "London Area Team", "Y56"),
				List.of("07L", "CCG", "NHS Barking and Dagenham CCG", "Q71"),
				List.of("F82001", "GP_PRACTICE", "Barking Medical Centre", "07L"));
		for (List<String> organisation : organisations) {
			boolean practice = organisation.get(1).equals("GP_PRACTICE");
			jdbc.sql("insert into directory_organisation (code, type, name, postcode, open_date, status,"
					+ " prescribing_setting) values (?, ?, ?, ?, ?, 'A', ?)")
				.params(organisation.get(0), organisation.get(1), organisation.get(2), practice ? "IG11 8QU" : null,
						april2013, practice ? 4 : null)
				.update();
			jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) values (?, ?, ?)")
				.params(organisation.get(0), organisation.get(3), april2013)
				.update();
		}
		String insertPatients = "insert into directory_registered_patients (practice_code, extract_date, sex, age_band,"
				+ " patients) values ('F82001', ?, ?, ?, ?)";
		jdbc.sql(insertPatients).params(extract, "ALL", "ALL", 4_000).update();
		for (int band = 0; band < 19; band++) {
			String age = band == 18 ? "90+" : band * 5 + "_" + (band * 5 + 4);
			jdbc.sql(insertPatients).params(extract, "MALE", age, 130 - 5 * band).update();
			jdbc.sql(insertPatients).params(extract, "FEMALE", age, 125 - 4 * band).update();
		}
	}
}
