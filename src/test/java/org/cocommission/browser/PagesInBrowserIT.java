package org.cocommission.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs in as each demo role in a real Chromium with a 1366x900 window (a common laptop screen) and opens a
 * representative page of every module, and fails when a page (a) asks another origin for anything (a stylesheet,
 * script, image or font, including fonts a stylesheet loads), (b) has its heading out of sight without scrolling, or
 * (c) is an error page; and when a CSV or PDF export it links answers with an error or prints a figure unformatted.
 * Issue 21: headings visible at 1366x900, nothing a page needs from elsewhere, no unformatted number in exports.
 * Skipped, not failed, where Chromium or its driver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
				"cocommission.demo-password=" + PagesInBrowserIT.PASSWORD })
class PagesInBrowserIT {

	static final String PASSWORD = "demo-password-for-tests";

	private static final List<String> ERROR_TITLES = List.of("Page not found", "You cannot see this page",
			"This was refused", "Changed by someone else", "Sorry, there is a problem");

	/**
	 * Every URL the document asked for: what the browser fetched (resource timing), and what the document names
	 * (stylesheets, scripts, images, links, and the fonts of every @font-face rule of every stylesheet), since a
	 * request that failed or was blocked is not always in the resource timing.
	 */
	private static final String REQUESTED_URLS = """
			const urls = performance.getEntriesByType('resource').map(e => e.name);
			document.querySelectorAll('link[href]').forEach(l => urls.push(l.href));
			document.querySelectorAll('script[src]').forEach(s => urls.push(s.src));
			document.querySelectorAll('img[src], iframe[src], source[src]').forEach(i => urls.push(i.src));
			for (const sheet of document.styleSheets) {
			  let rules;
			  try { rules = sheet.cssRules; } catch (e) { urls.push('unreadable stylesheet ' + sheet.href); continue; }
			  for (const rule of rules) {
			    const text = rule.cssText || '';
			    if (rule.type === CSSRule.FONT_FACE_RULE || rule.type === CSSRule.IMPORT_RULE || /url\\(/.test(text)) {
			      for (const m of text.matchAll(/url\\(["']?([^"')]+)["']?\\)/g)) {
			        if (!m[1].startsWith('data:')) urls.push(new URL(m[1], sheet.href || document.baseURI).href);
			      }
			    }
			  }
			}
			return urls;""";

	/** The first h1's place, and whether it is shown at all. */
	private static final String HEADING = """
			const h = document.querySelector('h1');
			if (!h) return null;
			const r = h.getBoundingClientRect();
			const style = getComputedStyle(h);
			return { text: h.textContent.trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right,
			         width: window.innerWidth, height: window.innerHeight,
			         shown: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' };""";

	/**
	 * What is checked on a page, read in one script (each driver call is a round trip to chromedriver, and the page's
	 * source, asked for only to look for Spring's error page, was the whole document sent across): its title, whether
	 * it is Spring's error page, the URLs it asked for, its heading, and its links' URLs as the browser resolves them.
	 */
	private static final String PAGE_FACTS = "const requested = () => {\n" + REQUESTED_URLS + "\n};\n"
			+ "const heading = () => {\n" + HEADING + "\n};\n" + """
					return { title: document.title,
					         whitelabel: document.documentElement.outerHTML.includes('Whitelabel Error Page'),
					         urls: requested(), heading: heading(),
					         links: Array.from(document.querySelectorAll('a[href]'))
					           .map(a => typeof a.href === 'string' ? a.href : a.getAttribute('href')) };""";

	/** A decimal with more places than any figure is shown with (2173.40521114106). */
	private static final Pattern LONG_DECIMAL = Pattern.compile("(?<![\\w.])-?\\d+\\.\\d{4,}(?![\\w.])");

	/**
	 * Raw exports, which keep what was stored as it was stored: the audit trail's CSV gives each change's recorded state
	 * (before and after) exactly, as an audit record must.
	 */
	private static final Set<String> NOT_YET_FORMATTED = Set.of("/audit.csv");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** CSV and PDF exports already checked, each once. */
	private final Set<String> exportsChecked = new HashSet<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Chromium chromium;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = Chromium.start(1366, 900);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void everyModulesPagesAskNoOtherOriginShowTheirHeadingAt1366x900AndAreNoErrorPage() {
		String origin = "http://localhost:" + port;
		List<String> failures = new ArrayList<>();
		int pages = 0;

		List<String> signedOut = new ArrayList<>(menu(origin));
		signedOut.addAll(publicPages());
		pages += visit("signed out", origin, signedOut, failures);

		// An open CCG's account: a CCG closed by a merger holds no meetings now, and its pages say so.
		String ccg = first("select a.username from identity_user_account a join directory_organisation o"
				+ " on o.code = a.organisation_code where a.demo and a.role = 'CCG' and o.close_date is null"
				+ " order by a.username");
		String ccgCode = organisation(ccg);
		String area = account("AREA_TEAM");
		String areaCcg = first("select r.child_code from directory_relationship r join directory_organisation o"
				+ " on o.code = r.child_code where o.type = 'CCG' and r.parent_code = ? and r.valid_to is null order by 1",
				organisation(area));
		String practice = account("PRACTICE");

		Map<String, List<String>> roles = new LinkedHashMap<>();
		roles.put("national", commissionerPages(ccgCode, true));
		roles.put(area, commissionerPages(areaCcg, false));
		roles.put(ccg, commissionerPages(ccgCode, false));
		roles.put(practice, List.of("/", "/organisations", "/organisations/" + organisation(practice),
				"/outcomes/practices/" + organisation(practice), "/account"));
		for (var role : roles.entrySet()) {
			chromium.driver().manage().deleteAllCookies();
			chromium.signIn(origin, role.getKey(), PASSWORD);
			// Every item of the menu leads to a page the account may see, not to a refusal.
			List<String> rolePages = new ArrayList<>(menu(origin));
			rolePages.addAll(role.getValue());
			pages += visit(role.getKey(), origin, rolePages, failures);
		}

		assertThat(pages).as("pages visited").isGreaterThan(60);
		System.out.println("Pages in the browser: " + pages + " visited, failures (" + failures.size() + "):\n  "
				+ String.join("\n  ", new TreeSet<>(failures)));
		assertThat(new TreeSet<>(failures)).as("pages asking another origin, with a heading out of sight or an error")
			.isEmpty();
	}

	private static List<String> publicPages() {
		return List.of("/", "/login", "/organisations", "/coverage", "/public/governance/decisions",
				"/public/co-commissioning", "/public/contracts/decisions", "/authorisation",
				"follow /public/governance/decisions -> /public/governance/meetings/[0-9]+/minutes");
	}

	/** A representative page of every module for a commissioner, on a CCG the account may see. */
	private List<String> commissionerPages(String ccg, boolean national) {
		List<String> pages = new ArrayList<>(List.of("/", "/organisations", "/organisations/" + ccg, "/coverage",
				"/outcomes", "follow /outcomes -> /outcomes/indicators/[^/?#]+",
				"follow /outcomes/indicators/QOF-DM?level=ccg -> /outcomes/indicators/[^/?#]+/funnel[^#]*", "/outcomes/ccgs/" + ccg,
				"/outcomes/alerts", "follow /outcomes/alerts -> /outcomes/alerts/[0-9]+",
				"/outcomes/ccgs/" + ccg + "/practices", "/outcomes/discussions",
				"/finance", "/finance/global-sum/" + ccg, "/finance/budgets", "/finance/formulas",
				"/finance/budgets/" + ccg,
				"/quality-premium",
				"/governance", "/governance/ccgs/" + ccg, "/governance/ccgs/" + ccg + "/register",
				"/co-commissioning", "/contracts", "/contracts/cases", "/contracts/payments", "/workforce",
				"/authorisation", "/authorisation/ccgs/" + ccg, "follow /governance/ccgs/" + ccg + " -> /governance/meetings/[0-9]+",
				"/account"));
		if (national) {
			String publishedRun = first("select cast(id as varchar) from qp_run where status = 'PUBLISHED' order by id");
			pages.addAll(List.of("/audit", "/directory/imports", "/outcomes/imports", "/co-commissioning/national",
					"/commissioning-support/national", "/finance/runs", "/commissioning-support/ccgs/" + ccg,
					"follow /quality-premium -> /quality-premium/runs/[0-9]+",
					"follow /outcomes/alerts -> /outcomes/alerts/[0-9]+ -> /outcomes/alerts/[0-9]+/withdraw",
					"follow /quality-premium/runs/" + publishedRun
							+ " -> /quality-premium/runs/[0-9]+/ccgs/[A-Z0-9]+ -> /quality-premium/statements/[^/]+/[A-Z0-9]+"));
		}
		else {
			// A CCG's or area team's published statements are listed on their quality premium page.
			pages.add("follow /quality-premium -> /quality-premium/statements/[^/]+/[A-Z0-9]+");
		}
		return pages;
	}

	private int visit(String role, String origin, List<String> pages, List<String> failures) {
		WebDriver browser = chromium.driver();
		int visited = 0;
		for (String page : pages) {
			String path = page;
			if (page.startsWith("follow ")) {
				// "follow A -> B -> C": open A, follow its first link like B, then that page's first link like C.
				String[] parts = page.substring("follow ".length()).split(" -> ");
				path = parts[0];
				for (int step = 1; step < parts.length && path != null; step++) {
					open(origin + path);
					String from = path;
					path = firstLink(origin, parts[step]);
					if (path == null) {
						failures.add(role + " " + from + ": no link like " + parts[step]);
					}
				}
				if (path == null) {
					continue;
				}
			}
			open(origin + path);
			visited++;
			@SuppressWarnings("unchecked")
			Map<String, Object> facts = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(PAGE_FACTS);
			String title = (String) facts.get("title");
			for (String error : ERROR_TITLES) {
				if (title.startsWith(error)) {
					failures.add(role + " " + path + ": error page \"" + title + "\"");
				}
			}
			if (title.contains("Whitelabel") || Boolean.TRUE.equals(facts.get("whitelabel"))) {
				failures.add(role + " " + path + ": error page (whitelabel)");
			}
			@SuppressWarnings("unchecked")
			List<String> urls = (List<String>) facts.get("urls");
			for (String url : urls) {
				if (!url.startsWith(origin + "/")) {
					failures.add(role + " " + path + ": asks another origin for " + url);
				}
			}
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) facts.get("links");
			checkExports(role, origin, path, links, failures);
			@SuppressWarnings("unchecked")
			Map<String, Object> heading = (Map<String, Object>) facts.get("heading");
			if (heading == null) {
				failures.add(role + " " + path + ": no h1");
			}
			else if (!Boolean.TRUE.equals(heading.get("shown")) || number(heading, "top") < 0
					|| number(heading, "bottom") > number(heading, "height") || number(heading, "left") < 0
					|| number(heading, "right") > number(heading, "width")) {
				failures.add(role + " " + path + ": heading \"" + heading.get("text") + "\" out of sight at 1366x900 (top "
						+ Math.round(number(heading, "top")) + ", bottom " + Math.round(number(heading, "bottom")) + ")");
			}
		}
		return visited;
	}

	/**
	 * The page's CSV and PDF exports, fetched with the browser's session: no error, and no figure printed
	 * unformatted (a long decimal) in a CSV or in a PDF's text.
	 */
	private void checkExports(String role, String origin, String page, List<String> links, List<String> failures) {
		String cookies = null;
		for (String href : links) {
			if (href == null || !href.startsWith(origin + "/")) {
				continue;
			}
			String path = href.substring(origin.length());
			String file = path.replaceAll("[?#].*", "");
			if (!(file.endsWith(".csv") || file.endsWith(".pdf")) || !exportsChecked.add(role + " " + file)) {
				continue;
			}
			if (cookies == null) {
				// Asked of the driver only for a page with an export not checked yet.
				cookies = chromium.driver()
					.manage()
					.getCookies()
					.stream()
					.map(cookie -> cookie.getName() + "=" + cookie.getValue())
					.collect(Collectors.joining("; "));
			}
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(href)).GET();
				if (!cookies.isEmpty()) {
					request.header("Cookie", cookies);
				}
				HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					failures.add(role + " " + page + ": export " + path + " answers " + response.statusCode());
					continue;
				}
				String text;
				if (file.endsWith(".pdf")) {
					try (PDDocument document = Loader.loadPDF(response.body())) {
						text = new PDFTextStripper().getText(document);
					}
				}
				else {
					text = new String(response.body(), StandardCharsets.UTF_8);
				}
				Matcher decimals = LONG_DECIMAL.matcher(text);
				if (decimals.find() && !NOT_YET_FORMATTED.contains(file)) {
					failures.add(role + " " + page + ": export " + file + " prints unformatted number " + decimals.group());
				}
			}
			catch (IOException ex) {
				failures.add(role + " " + page + ": export " + path + " unreadable: " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private List<String> menu(String origin) {
		open(origin + "/");
		List<String> links = new ArrayList<>();
		for (String href : hrefs(".nhsuk-header__navigation-list a[href]")) {
			if (href != null && href.startsWith(origin + "/")) {
				links.add(href.substring(origin.length()));
			}
		}
		assertThat(links).as("the menu").isNotEmpty();
		return links;
	}

	private void open(String url) {
		chromium.driver().get(url);
		chromium.waiting()
			.until(driver -> "complete"
				.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	private String firstLink(String origin, String pattern) {
		for (String href : hrefs("a[href]")) {
			if (href != null && href.startsWith(origin)) {
				String path = href.substring(origin.length());
				if (path.matches(pattern + "(\\?.*)?")) {
					return path;
				}
			}
		}
		return null;
	}

	/**
	 * The links' URLs as the browser resolves them (what {@code getAttribute("href")} answers), read in one script: a
	 * league table has hundreds of links, and reading each link's address was a round trip to the driver.
	 */
	@SuppressWarnings("unchecked")
	private List<String> hrefs(String selector) {
		return (List<String>) ((JavascriptExecutor) chromium.driver()).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0]))"
						+ ".map(a => typeof a.href === 'string' ? a.href : a.getAttribute('href'));", selector);
	}

	private static double number(Map<String, Object> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	private String account(String role) {
		return first("select username from identity_user_account where demo and role = ? order by username", role);
	}

	private String organisation(String username) {
		return first("select organisation_code from identity_user_account where username = ?", username);
	}

	private String first(String sql, Object... parameters) {
		return jdbc.sql(sql).params(parameters).query(String.class).list().stream().findFirst().orElseThrow(
				() -> new AssertionError("Nothing in the demo for: " + sql));
	}
}
