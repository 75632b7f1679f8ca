package org.cocommission.web;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Crawls every page of the demo reachable by links, as each demo role (national, area team, CCG, practice and signed
 * out), and fails on what a person should never read: an internal code in SCREAMING_CASE (an enum's or status's name
 * such as COMMITTED or GREATER_INVOLVEMENT), an unformatted long decimal (2173.40521114106), developer wording (a
 * list's toString, "(submit)", "1 people", "From: Always"), or an error page; and on a form the role cannot use: each
 * {@code <form method="post">} is put to Spring Security (the URL rules and identity's owner check, the same decision
 * the filter chain makes) as a POST by that role, without sending it. Same start-up as DemoDataLoaderTests, so the two
 * share one Spring context.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class PageLanguageCrawlTests {

	private static final int MAX_PAGES_PER_ROLE = 220;

	/** At most this many pages per path and set of query parameter names (pages of a table, sort orders). */
	private static final int MAX_VARIANTS = 2;

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

	private static final Pattern UNDERSCORED = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");

	private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z]{4,}\\b");

	private static final Pattern LONG_DECIMAL = Pattern.compile("(?<![\\w.])\\d+\\.\\d{4,}(?![\\w.])");

	/** Stored status words that are not enum constants. */
	private static final Set<String> STATUS_WORDS = Set.of("COMMITTED", "REJECTED", "COMPUTED", "SUPERSEDED",
			"PUBLISHED", "DRAFT", "PROPOSED", "AGREED", "WITHDRAWN", "PENDING", "ACTIVE", "CLOSED", "REGISTER");

	/** Wording that only a developer would write (issue 22, "Language and flow"). */
	private static final List<Pattern> DEVELOPER_WORDING = List.of(
			// A button's or field's name in brackets: "Add a comment saying why (submit)".
			Pattern.compile("\\((?:submit|save|post|null|true|false)\\)", Pattern.CASE_INSENSITIVE),
			// A Java list written out: "[Joint commissioning, Delegated commissioning]", or an empty one.
			Pattern.compile("\\[[A-Z][^\\[\\]]{0,200}?, [^\\[\\]]{0,200}?\\]|\\[\\]"),
			Pattern.compile("\\bOptional(?:\\[|\\.empty)|\\bnull\\b"),
			// A status label dropped into a sentence.
			Pattern.compile("\\bis now more information requested\\b"),
			// One of a plural.
			Pattern.compile("(?<![\\d.,])1 (?:people|entries|practices|members|items|applications|CCGs|organisations"
					+ "|declarations|meetings|votes|days|months|years|patients|responses|rows|files|errors|warnings"
					+ "|conditions|cases|contracts|indicators|users|accounts|decisions|interests|gifts|reviews|criteria)\\b"),
			// An open start written as a sentinel.
			Pattern.compile("\\bFrom: Always\\b"),
			// A date as the database writes it: dates on a page are in words ("1 April 2015"); a file format's
			// example belongs in <code>.
			Pattern.compile("(?<![\\w/.-])\\d{4}-\\d{2}-\\d{2}(?![\\w/.-])"));

	private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>");

	private static final Pattern METHOD_POST = Pattern.compile("(?i)\\bmethod\\s*=\\s*\"post\"");

	private static final Pattern ACTION = Pattern.compile("(?i)\\baction\\s*=\\s*\"([^\"]*)\"");

	private static final Set<String> SKIPPED_SUFFIXES = Set.of(".csv", ".xlsx", ".pdf", ".json", ".js", ".css", ".png",
			".svg", ".ico", ".txt", ".xml");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebInvocationPrivilegeEvaluator privileges;

	@Test
	void noPageShowsAnInternalCodeAnUnformattedNumberOrAnErrorToAnyDemoRole() throws Exception {
		Set<String> internalWords = internalWords();
		List<String> failures = new ArrayList<>();
		Map<String, String> roles = new java.util.LinkedHashMap<>();
		roles.put("signed out", null);
		roles.put("national", "national");
		roles.put("area team", first("select username from identity_user_account where username like 'area-%' order by 1"));
		roles.put("CCG", first("select username from identity_user_account where username like 'ccg-%' order by 1"));
		roles.put("practice", first("select username from identity_user_account where username like 'practice-%' order by 1"));
		int pages = 0;
		for (var role : roles.entrySet()) {
			pages += crawl(role.getKey(), role.getValue(), internalWords, failures);
		}
		assertThat(pages).as("pages crawled").isGreaterThan(50);
		System.out.println("Page language failures (" + failures.size() + "):\n  " + String.join("\n  ", new TreeSet<>(failures)));
		assertThat(new TreeSet<>(failures))
			.as("pages with an internal code, an unformatted number, developer wording, a form the role cannot use or an error")
			.isEmpty();
	}

	static List<String> developerWording(String text) {
		List<String> found = new ArrayList<>();
		for (Pattern wording : DEVELOPER_WORDING) {
			Matcher match = wording.matcher(text);
			while (match.find()) {
				found.add("developer wording \"" + match.group() + "\" in \"" + text.substring(Math.max(0, match.start() - 40),
						Math.min(text.length(), match.end() + 40)).trim() + "\"");
			}
		}
		return found;
	}

	/** The examples are found; the same things said properly are not. */
	@Test
	void developerWordingIsTold() {
		for (String wording : List.of("Add a comment saying why (submit)", "Functions: [Joint commissioning, Delegated commissioning]",
				"The application is now more information requested", "1 people overdue; 1 entries", "From: Always",
				"Went live on 2015-04-01",
				"Lead: null", "Functions: []")) {
			assertThat(developerWording(wording)).as(wording).isNotEmpty();
		}
		for (String wording : List.of("Add a comment saying why", "Functions: joint commissioning and delegated commissioning",
				"The area team asked for more information", "1 person overdue; 1 entry; 21 people", "From 1 April 2015",
				"Reference [1]")) {
			assertThat(developerWording(wording)).as(wording).isEmpty();
		}
	}

	/** The form check can fail: a CCG's user may not post to another CCG's governance forms, only to its own. */
	@Test
	void theFormCheckRefusesAFormOfAnotherOrganisation() {
		String ccgUser = first("select username from identity_user_account where username like 'ccg-%' order by 1");
		String own = first("select organisation_code from identity_user_account where username = '" + ccgUser + "'");
		String other = first("select code from directory_organisation where type = 'CCG' and code <> '" + own
				+ "' order by code");
		String html = "<form method=\"post\" action=\"/governance/ccgs/" + own + "/people\"></form>"
				+ "<form action=\"/governance/ccgs/" + other + "/people\" method=\"post\"></form>"
				+ "<form method=\"get\" action=\"/governance/ccgs/" + other + "/people\"></form>";

		assertThat(formsNotForTheRole("/", html, authentication(ccgUser)))
			.containsExactly("form the role cannot use: POST /governance/ccgs/" + other + "/people");
		assertThat(formsNotForTheRole("/", html, authentication(null))).hasSize(2);
	}

	/** A bare "Saved." follows a POST, which the crawl does not make: no template may say only that. */
	@Test
	void noTemplateSaysOnlySaved() throws Exception {
		List<String> bare = new ArrayList<>();
		var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
		for (var template : resolver.getResources("classpath*:templates/**/*.html")) {
			String html = new String(template.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
			if (html.matches("(?s).*>\\s*Saved\\.\\s*<.*") || html.contains("'Saved.'")) {
				bare.add(template.getFilename());
			}
		}
		assertThat(bare).as("templates that say only \"Saved.\"").isEmpty();
	}

	/** The POST forms of the page whose action the role may not post to, as the security filter chain decides. */
	private List<String> formsNotForTheRole(String path, String html, Authentication who) {
		List<String> refused = new ArrayList<>();
		Matcher forms = FORM.matcher(html);
		while (forms.find()) {
			String attributes = forms.group(1);
			if (!METHOD_POST.matcher(attributes).find()) {
				continue;
			}
			Matcher action = ACTION.matcher(attributes);
			// The security chain matches the path: a real request's URI carries no query string, so none is given here.
			String target = action.find() ? HtmlUtils.htmlUnescape(action.group(1)).replaceAll("[#?].*", "") : "";
			if (target.isEmpty()) {
				target = path;
			}
			if (!target.startsWith("/")) {
				continue;
			}
			SecurityContext previous = SecurityContextHolder.getContext();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(who);
			SecurityContextHolder.setContext(context);
			try {
				if (!privileges.isAllowed("", target, "POST", who)) {
					refused.add("form the role cannot use: POST " + target);
				}
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}
		return refused;
	}

	private Authentication authentication(String username) {
		if (username == null) {
			return new AnonymousAuthenticationToken("crawl", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		}
		UserDetails details = users.loadUserByUsername(username);
		return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
	}

	private String first(String sql) {
		return jdbc.sql(sql).query(String.class).list().stream().findFirst().orElseThrow();
	}

	private int crawl(String role, String username, Set<String> internalWords, List<String> failures) throws Exception {
		Deque<String> queue = new ArrayDeque<>(List.of("/", "/outcomes", "/quality-premium", "/finance"));
		Set<String> seen = new HashSet<>(queue);
		Map<String, Integer> variants = new HashMap<>();
		Authentication who = authentication(username);
		int visited = 0;
		while (!queue.isEmpty() && visited < MAX_PAGES_PER_ROLE) {
			String path = queue.poll();
			MockHttpServletRequestBuilder request = get(URI.create(path));
			if (username != null) {
				request = request.with(user(users.loadUserByUsername(username)));
			}
			MockHttpServletResponse response;
			List<String> problems = new ArrayList<>();
			visited++;
			try {
				response = mvc.perform(request).andReturn().getResponse();
			}
			catch (Exception ex) {
				// MockMvc's response is committed at 4 KB, before a lazily saved session (a real server buffers more).
				if (!String.valueOf(rootCause(ex).getMessage()).contains("after the response has been committed")) {
					record(role, path, "error page: " + rootCause(ex), failures);
				}
				continue;
			}
			int status = response.getStatus();
			if (status >= 300 && status < 400) {
				String location = response.getRedirectedUrl();
				if (location != null && location.startsWith("/") && seen.add(location)) {
					queue.add(location);
				}
				continue;
			}
			String contentType = response.getContentType();
			if (contentType != null && !contentType.startsWith("text/html")) {
				continue;
			}
			String html = response.getContentAsString();
			if (status == 404 || status >= 500 || html.contains("Sorry, there is a problem")) {
				problems.add("error page " + status);
			}
			else if (status != 200 && status != 403) {
				problems.add("status " + status);
			}
			String text = visibleText(html);
			problems.addAll(screamingCase(text, internalWords));
			problems.addAll(developerWording(text));
			if (status == 200) {
				problems.addAll(formsNotForTheRole(path.replaceAll("[?#].*", ""), html, who));
			}
			Matcher decimals = LONG_DECIMAL.matcher(text);
			while (decimals.find()) {
				problems.add("unformatted number " + decimals.group());
			}
			for (String problem : new LinkedHashSet<>(problems)) {
				record(role, path, problem, failures);
			}
			if (status != 200) {
				continue;
			}
			Matcher links = HREF.matcher(html);
			while (links.find()) {
				String link = HtmlUtils.htmlUnescape(links.group(1));
				if (followable(link) && seen.add(link)) {
					String key = link.replaceAll("\\?.*", "") + "?" + parameterNames(link);
					if (variants.merge(key, 1, Integer::sum) <= MAX_VARIANTS) {
						queue.add(link);
					}
				}
			}
		}
		return visited;
	}

	private static void record(String role, String path, String problem, List<String> failures) {
		failures.add(role + " " + path + ": " + problem);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static boolean followable(String link) {
		String path = link.replaceAll("\\?.*", "");
		return !path.startsWith("//") && !path.startsWith("/api/") && !path.startsWith("/webjars/")
				&& !path.startsWith("/actuator") && !path.startsWith("/logout") && !path.startsWith("/css/")
				&& !path.startsWith("/js/") && !path.startsWith("/images/") && !path.startsWith("/swagger")
				&& !path.startsWith("/v3/") && SKIPPED_SUFFIXES.stream().noneMatch(path::endsWith);
	}

	private static String parameterNames(String link) {
		int query = link.indexOf('?');
		if (query < 0) {
			return "";
		}
		TreeSet<String> names = new TreeSet<>();
		for (String pair : link.substring(query + 1).split("&")) {
			names.add(pair.replaceAll("=.*", ""));
		}
		return String.join(",", names);
	}

	/** The text a person reads: no scripts, styles, comments, tags or attribute values (data-chart JSON and ids). */
	static String visibleText(String html) {
		String text = html.replaceAll("(?is)<script\\b.*?</script>", " ")
			.replaceAll("(?is)<style\\b.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?is)<code\\b.*?</code>", " ")
			.replaceAll("(?s)<[^>]*>", " ");
		return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ");
	}

	/**
	 * Words in capitals with underscores, and capitalised words that are an enum constant's or a stored status's name
	 * standing alone (an organisation's registered name, such as NHS DELTA CCG, is a run of capitalised words).
	 */
	static List<String> screamingCase(String shown, Set<String> internalWords) {
		// A CSV header written out (ORG_CODE,INDICATOR_ID,PERIOD) names a file's columns, which people type as they are.
		String text = shown.replaceAll("\\b[A-Z][A-Z0-9_]*(?:,[A-Z][A-Z0-9_]*)+\\b", " ");
		List<String> found = new ArrayList<>();
		Matcher underscored = UNDERSCORED.matcher(text);
		while (underscored.find()) {
			found.add("internal code " + underscored.group());
		}
		Matcher capitals = CAPITALS.matcher(text);
		while (capitals.find()) {
			String word = capitals.group();
			if (!internalWords.contains(word)) {
				continue;
			}
			String before = text.substring(Math.max(0, capitals.start() - 30), capitals.start());
			String after = text.substring(capitals.end(), Math.min(text.length(), capitals.end() + 30));
			boolean inAName = before.matches("(?s).*\\b[A-Z0-9&'.-]{2,}\\s+$") || after.matches("(?s)^\\s+[A-Z0-9&'.-]{2,}\\b.*");
			if (!inAName) {
				found.add("internal code " + word);
			}
		}
		return found;
	}

	/** Every enum constant of the application (four letters or more), and the stored status words. */
	private static Set<String> internalWords() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		Set<String> words = new HashSet<>(STATUS_WORDS);
		for (var definition : scanner.findCandidateComponents("org.cocommission")) {
			Class<?> type = Class.forName(definition.getBeanClassName());
			if (!type.isEnum() || Modifier.isPrivate(type.getModifiers())) {
				continue;
			}
			for (Object constant : type.getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				if (name.length() >= 4 && name.matches("[A-Z0-9_]+")) {
					words.add(name);
				}
			}
		}
		// Words that are also plain English in capitals on an NHS page, or acronyms.
		// Names the NHS itself writes in capitals: the contract types GMS, PMS and APMS.
		words.removeAll(Set.of("NONE", "ENGLAND", "ICB", "XLSX", "CSV", "PDF", "JSON", "GMS", "PMS", "APMS"));
		return words;
	}
}
