package org.cocommission.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * Every write endpoint, found from the handler mappings, sent each class of bad input by a signed-in national user
 * over real HTTP (so Tomcat parses multipart and encodings as in production): never a 5xx; the API answers a 4xx
 * problem detail; a page answers a 4xx or shows its form again; and no table changes (a checksum of every table
 * before and after, leaving out sessions and the logs of import attempts, which record a refused file on purpose).
 * <p>
 * The checksums read every table, twice a case, and were most of this test's time. A trigger on each compared table
 * now counts every row written (and every truncate) in a sequence, which no rollback takes back; a case after which
 * the count is unchanged wrote nothing, so its checksums are those already known. A case that wrote, even in a
 * transaction rolled back, is compared by the checksums as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzIT {

	private static final String PASSWORD = "fuzz-national-password";

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern SESSION_COOKIE = Pattern.compile("SESSION=([^;]+)");

	/** Tables a refused request may change on purpose: sessions, and import logs recording a refused file. */
	private static final Set<String> NOT_COMPARED = Set.of("spring_session", "spring_session_attributes",
			"flyway_schema_history", "shedlock", "event_publication", "event_publication_archive",
			"directory_import", "outcomes_import", "qp_import");

	/** The classes of bad input, each applied to every field of the body, form or query the endpoint reads. */
	enum Bad {
		NUL, HUGE_TEXT, BAD_JSON, WRONG_CONTENT_TYPE, MISSING_BODY, BAD_NUMBER, BAD_DATE, MULTIPART_WITHOUT_BOUNDARY
	}

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private String checksumSql;

	/** The checksums of every compared table, and the count of writes to them when they were taken. */
	private List<String> knownChecksums;

	private long writesAtKnownChecksums = -1;

	/** How often the checksums were taken: at the start, and after each case (or sign-in) that wrote. */
	private int checksumsTaken;

	private String session;

	private String csrf;

	@BeforeAll
	void directoryAndNationalUser(@Autowired DirectoryImports imports, @Autowired UserAccounts accounts)
			throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y91", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q91", "TEES", "Y91", ""));
		importOds(imports, OdsFile.ECCG, organisation("91A", "NHS FUZZ CCG", "Y91", "Q91"));
		importOds(imports, OdsFile.EPRACCUR, practice("F91001", "FUZZ PRACTICE", "91A"));
		accounts.create(new NewUser("fuzz-national", "Fuzz national", null, Role.NATIONAL, "X24", PASSWORD));
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'"
				+ " and table_type = 'BASE TABLE' order by table_name").query(String.class).list();
		checksumSql = tables.stream()
			.filter(table -> !NOT_COMPARED.contains(table))
			.map(table -> "select '" + table + "' || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '-')"
					+ " as sum from \"" + table + "\" t")
			.collect(Collectors.joining(" union all ")) + " order by 1";
		countWrites(tables.stream().filter(table -> !NOT_COMPARED.contains(table)).toList());
		signIn();
	}

	/** The context is shared with other tests: the counting goes with this one. */
	@AfterAll
	void stopCountingWrites() {
		jdbc.sql("drop function if exists fuzz_count_write() cascade").update();
		jdbc.sql("drop sequence if exists fuzz_writes").update();
	}

	private void signIn() throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String loginSession = cookie(login);
		String token = csrf(login.body());
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + loginSession)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=fuzz-national&password="
					+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		session = cookie(signedIn);
		HttpResponse<String> account = http.send(HttpRequest.newBuilder(uri("/account"))
			.header("Cookie", "SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
		csrf = csrf(account.body());
	}

	private static String cookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION_COOKIE::matcher)
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF_INPUT.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** One write endpoint: its method, path with the variables filled in, and the handler that reads it. */
	record Endpoint(RequestMethod method, String path, HandlerMethod handler, boolean api) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	private List<Endpoint> writeEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
					continue;
				}
				for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
					if (pattern.equals("/login") || pattern.equals("/logout") || pattern.startsWith("/error")) {
						continue;
					}
					endpoints.add(new Endpoint(method, fill(pattern), mapping.getValue(), pattern.startsWith("/api/")));
				}
			}
		}
		endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
		return endpoints;
	}

	/** Path variables with plausible values, so that requests reach the handler's reading of its input. */
	private static String fill(String pattern) {
		return pattern.replace("{ccg}", "91A")
			.replace("{kind}", "regions")
			.replace("{format}", "long")
			.replace("{programme}", "CORE_CCG")
			.replace("{startYear}", "2013")
			.replace("{year}", "2014")
			.replace("{username}", "fuzz-national")
			.replace("{section}", "INTEGRATION")
			.replace("{transition}", "submit")
			.replaceAll("\\{[a-zA-Z]+\\}", "1");
	}

	@Test
	void everyWriteEndpointRefusesEveryClassOfBadInputAndStoresNothing() throws Exception {
		List<Endpoint> endpoints = writeEndpoints();
		assertThat(endpoints).hasSizeGreaterThan(100);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		int serverErrors = 0;
		int changed = 0;
		for (Endpoint endpoint : endpoints) {
			for (Bad bad : Bad.values()) {
				Request request = request(endpoint, bad);
				if (request == null) {
					continue;
				}
				cases++;
				List<String> before = checksums();
				HttpResponse<String> response = http.send(request.http(), HttpResponse.BodyHandlers.ofString());
				List<String> after = checksums();
				int status = response.statusCode();
				String what = endpoint + " " + bad + " -> " + status;
				if (status >= 500) {
					serverErrors++;
					failures.add(what + " " + abbreviate(response.body()));
				}
				else if (!before.equals(after)) {
					changed++;
					failures.add(what + " changed " + difference(before, after));
				}
				else if (request.mustRefuse() && endpoint.api() && !(status >= 400 && status < 500
						&& (problem(response) || importReport(response)))) {
					failures.add(what + " is not a 4xx problem detail: " + abbreviate(response.body()));
				}
				else if (request.mustRefuse() && !endpoint.api() && status / 100 == 3
						&& response.headers().firstValue("Location").orElse("").endsWith("/login")) {
					signIn();
				}
			}
		}
		System.out.printf("Bad-input fuzz: %d endpoints, %d cases, %d failures, %d 5xx, %d with data changed"
				+ " (checksums taken %d times)%n", endpoints.size(), cases, failures.size(), serverErrors, changed,
				checksumsTaken);
		assertThat(failures).as("%d cases over %d write endpoints", cases, endpoints.size()).isEmpty();
	}

	private static boolean problem(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").contains("problem+json");
	}

	/** An import's 422 answers its report: the rows and what is wrong with each. */
	private static boolean importReport(HttpResponse<String> response) {
		return response.statusCode() == 422 && response.body().contains("\"errors\"");
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
	}

	private static List<String> difference(List<String> before, List<String> after) {
		List<String> changed = new ArrayList<>(after);
		changed.removeAll(before);
		return changed.stream().map(sum -> sum.substring(0, sum.indexOf(':'))).toList();
	}

	/**
	 * The checksums of every compared table: those known while no row of one has been written since they were taken
	 * (the count is read before the tables, so a write meanwhile makes them be taken again next time).
	 */
	private List<String> checksums() {
		long writes = writes();
		if (writes != writesAtKnownChecksums) {
			knownChecksums = jdbc.sql(checksumSql).query(String.class).list();
			writesAtKnownChecksums = writes;
			checksumsTaken++;
		}
		return knownChecksums;
	}

	/** Every row inserted, updated or deleted in a compared table, and every truncate of one, so far. */
	private long writes() {
		return jdbc.sql("select last_value + case when is_called then 1 else 0 end from fuzz_writes")
			.query(Long.class)
			.single();
	}

	/**
	 * Counts writes to the tables in a sequence: a sequence advances outside the transaction, so a write rolled back
	 * still counts (and the case is compared by its checksums, as before).
	 */
	private void countWrites(List<String> tables) {
		jdbc.sql("create sequence fuzz_writes").update();
		jdbc.sql("""
				create function fuzz_count_write() returns trigger language plpgsql as $$
				begin
				  perform nextval('fuzz_writes');
				  return null;
				end $$""").update();
		for (String table : tables) {
			jdbc.sql("create trigger fuzz_count_rows after insert or update or delete on \"" + table
					+ "\" for each row execute function fuzz_count_write()").update();
			jdbc.sql("create trigger fuzz_count_truncate after truncate on \"" + table
					+ "\" for each statement execute function fuzz_count_write()").update();
		}
		// The count sees a write, even one that leaves the row as it was: else no case could fail on a change.
		long before = writes();
		jdbc.sql("update identity_user_account set display_name = display_name where username = 'fuzz-national'").update();
		assertThat(writes()).as("writes counted").isGreaterThan(before);
	}

	/** A request to send, and whether its input is bad enough that it must be refused (rather than merely survived). */
	record Request(HttpRequest http, boolean mustRefuse) {
	}

	private Request request(Endpoint endpoint, Bad bad) {
		Class<?> bodyType = null;
		Type bodyGeneric = null;
		Class<?> formType = null;
		Map<String, Class<?>> params = new LinkedHashMap<>();
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				bodyType = parameter.getParameterType();
				bodyGeneric = parameter.getGenericParameterType();
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| (parameter.getParameterType().isRecord() && !endpoint.api())) {
				formType = parameter.getParameterType();
			}
			else if (parameter.hasParameterAnnotation(RequestParam.class)) {
				RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
				String name = annotation.name().isEmpty() ? annotation.value() : annotation.name();
				params.put(name.isEmpty() ? parameter.getParameterName() : name, parameter.getParameterType());
			}
			else if (parameter.getParameterType().getName().endsWith("HttpServletRequest")
					|| parameter.getParameterType().getName().endsWith("MultipartFile")) {
				bodyType = byte[].class;
			}
		}
		boolean hasInput = bodyType != null || formType != null || !params.isEmpty();
		Map<String, Object> fields = formType != null ? sample(formType, bad, 0) : new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		// A query string longer than the server's header limit is refused by Tomcat itself, before the application.
		// A parameter is text on the wire whatever type binds it (a record, e.g. Period, through its converter); huge
		// text stays within a request line the server reads, as a record's sample would not.
		params.forEach((name, type) -> query.put(name,
				bad == Bad.HUGE_TEXT && (type == String.class || type.isRecord()) ? "x".repeat(2_000)
						: value(type, null, bad, 0)));
		boolean fieldsBad = switch (bad) {
			case NUL, HUGE_TEXT, BAD_NUMBER, BAD_DATE -> containsBad(fields, bad) || containsBad(query, bad)
					|| (bodyType != null && bodyType != byte[].class && containsBad(bodyFor(bodyType, bodyGeneric, bad), bad));
			default -> false;
		};

		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(endpoint.path() + queryString(endpoint, query)))
			.timeout(Duration.ofSeconds(60));
		String contentType;
		HttpRequest.BodyPublisher body;
		boolean mustRefuse;
		switch (bad) {
			case BAD_JSON -> {
				contentType = endpoint.api() ? "application/json" : "application/x-www-form-urlencoded";
				body = HttpRequest.BodyPublishers.ofString(endpoint.api() ? "{\"a\": [1, " : "%%%=&&=%zz");
				mustRefuse = endpoint.api() && bodyType != null;
			}
			case WRONG_CONTENT_TYPE -> {
				contentType = "application/x-unknown";
				body = HttpRequest.BodyPublishers.ofString("?");
				mustRefuse = bodyType != null;
			}
			case MISSING_BODY -> {
				contentType = endpoint.api() ? "application/json" : "application/x-www-form-urlencoded";
				body = HttpRequest.BodyPublishers.noBody();
				mustRefuse = bodyType != null && bodyType != byte[].class;
			}
			case MULTIPART_WITHOUT_BOUNDARY -> {
				contentType = "multipart/form-data";
				body = HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n");
				mustRefuse = bodyType != null;
			}
			default -> {
				if (!fieldsBad && bodyType != byte[].class) {
					return null;
				}
				if (bodyType == byte[].class) {
					contentType = "text/csv";
					body = HttpRequest.BodyPublishers.ofString(csv(bad));
				}
				else if (bodyType != null) {
					contentType = "application/json";
					body = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(bodyFor(bodyType, bodyGeneric, bad)));
				}
				else {
					contentType = "application/x-www-form-urlencoded";
					body = HttpRequest.BodyPublishers.ofString(form(fields));
				}
				mustRefuse = true;
			}
		}
		if (!hasInput) {
			return null;
		}
		builder.header("Content-Type", contentType);
		if (endpoint.api()) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("fuzz-national:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			builder.header("Cookie", "SESSION=" + session).header("X-CSRF-TOKEN", csrf);
		}
		builder.method(endpoint.method().name(), body);
		return new Request(builder.build(), mustRefuse);
	}

	private String queryString(Endpoint endpoint, Map<String, Object> query) {
		if (query.isEmpty()) {
			return "";
		}
		return "?" + query.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String form(Map<String, Object> fields) {
		return fields.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "="
					+ URLEncoder.encode(String.valueOf(entry.getValue() instanceof Collection<?> c && !c.isEmpty()
							? c.iterator().next() : entry.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String csv(Bad bad) {
		return switch (bad) {
			case NUL -> "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\nF91001\0,IND,2013/14,1,2\n";
			case HUGE_TEXT -> "ORG_CODE,NAME\n" + "F91001," + "x".repeat(2_000_000) + "\n";
			case BAD_NUMBER -> "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\nF91001,IND,2013/14,1e400,NaN\n";
			case BAD_DATE -> "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\nF91001,IND,2013/99,1,2\n";
			default -> "";
		};
	}

	private Object bodyFor(Class<?> type, Type generic, Bad bad) {
		if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized) {
			Type element = parameterized.getActualTypeArguments()[0];
			return java.util.Collections.singletonList(value(element instanceof Class<?> c ? c : String.class, element, bad, 0));
		}
		return value(type, generic, bad, 0);
	}

	private static boolean containsBad(Object value, Bad bad) {
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(v -> containsBad(v, bad)) || map.keySet().stream().anyMatch(k -> containsBad(k, bad));
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().anyMatch(v -> containsBad(v, bad));
		}
		return switch (bad) {
			case NUL -> value instanceof String s && s.indexOf('\0') >= 0;
			case HUGE_TEXT -> value instanceof String s && s.length() >= 2_000;
			case BAD_NUMBER -> "1e400".equals(value) || (value instanceof BigDecimal b && b.scale() < -100);
			case BAD_DATE -> "2013-02-30".equals(value) || "2013-02-30T25:00:00".equals(value);
			default -> false;
		};
	}

	private Map<String, Object> sample(Class<?> record, Bad bad, int depth) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (!record.isRecord()) {
			return fields;
		}
		for (RecordComponent component : record.getRecordComponents()) {
			if (component.getType().getName().endsWith("MultipartFile")) {
				continue;
			}
			fields.put(component.getName(), value(component.getType(), component.getGenericType(), bad, depth + 1));
		}
		return fields;
	}

	/** A value of the type, made bad in the way the class says where the type can hold that badness. */
	private Object value(Class<?> type, Type generic, Bad bad, int depth) {
		if (type == String.class) {
			return switch (bad) {
				case NUL -> "a\0b";
				case HUGE_TEXT -> "x".repeat(1_000_000);
				default -> "text";
			};
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == BigDecimal.class || type == double.class || type == Double.class) {
			return bad == Bad.BAD_NUMBER ? new BigDecimal("1e400") : BigDecimal.ONE;
		}
		if (type == boolean.class || type == Boolean.class) {
			return false;
		}
		if (type == LocalDate.class) {
			return bad == Bad.BAD_DATE ? "2013-02-30" : "2030-01-01";
		}
		if (type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class) {
			return bad == Bad.BAD_DATE ? "2013-02-30T25:00:00" : "2030-01-01T12:00:00";
		}
		if (type == YearMonth.class) {
			return bad == Bad.BAD_DATE ? "2013-13" : "2030-01";
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (depth > 3) {
			return null;
		}
		if (Collection.class.isAssignableFrom(type)) {
			Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
			return java.util.Collections.singletonList(value(element instanceof Class<?> c ? c : String.class, element, bad, depth + 1));
		}
		if (Map.class.isAssignableFrom(type)) {
			Type[] arguments = generic instanceof ParameterizedType p ? p.getActualTypeArguments()
					: new Type[] { String.class, String.class };
			Object key = value(arguments[0] instanceof Class<?> c ? c : String.class, arguments[0], Bad.MISSING_BODY,
					depth + 1);
			Object val = value(arguments[1] instanceof Class<?> c ? c : String.class, arguments[1], bad, depth + 1);
			Map<String, Object> map = new LinkedHashMap<>();
			map.put(String.valueOf(key), val);
			return map;
		}
		if (type.isRecord()) {
			return sample(type, bad, depth);
		}
		return bad == Bad.NUL ? "a\0b" : "text";
	}
}
