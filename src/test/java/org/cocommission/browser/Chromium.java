package org.cocommission.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded browser), with a throw-away
 * profile. Tests that need it are skipped, not failed, where Chromium or its driver is not installed.
 * <p>
 * One browser serves every browser test of the test JVM: starting Chromium and its driver took 2 to 5 s a test. Each
 * test {@linkplain #start gets it} with the window size it asks for (the same viewport as a browser started at that
 * size) and no cookies, and {@linkplain #close gives it back} cleared, on a blank page; it quits when the JVM ends.
 */
public final class Chromium implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static Chromium shared;

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * The test JVM's browser with a window of the given size and no cookies, or skips the calling test when Chromium
	 * is missing.
	 */
	public static synchronized Chromium start(int width, int height) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
				"Skipped: Chromium or chromedriver missing (apt-get install chromium chromium-driver)");
		if (shared != null) {
			try {
				shared.clear();
			}
			catch (WebDriverException ex) {
				// A browser a test left unusable (crashed, or stuck on a dialog) is replaced by a new one.
				shared.quit();
				shared = null;
			}
		}
		if (shared == null) {
			shared = launch(width, height);
			Chromium started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "chromium-quit"));
		}
		shared.driver.manage().window().setSize(new Dimension(width, height));
		return shared;
	}

	private static Chromium launch(int width, int height) throws IOException {
		Path profile = Files.createTempDirectory("cocommission-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(DRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Chromium(new ChromeDriver(service, options), profile);
	}

	public WebDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	/** Signs in through the real login form and waits for the account name in the header. */
	public void signIn(String baseUrl, String username, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in-button")).click();
		waiting().until(ExpectedConditions.textToBe(By.id("account-name"), username));
	}

	/** For a person to look at: the test has already checked what matters. */
	public void screenshot(Path target) throws IOException {
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Gives the browser back for the next test: on a blank page, without the cookies of any site. */
	@Override
	public synchronized void close() {
		try {
			clear();
		}
		catch (WebDriverException ex) {
			// the next test's start replaces a browser that cannot be cleared
		}
	}

	/** Every site's cookies gone (localhost's are shared by all ports, so by every test's server) and a blank page. */
	private void clear() {
		driver.get("about:blank");
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	private void quit() {
		try {
			driver.quit();
		}
		catch (WebDriverException ex) {
			// already gone
		}
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException | RuntimeException ex) {
			// a temporary directory left behind
		}
	}
}
