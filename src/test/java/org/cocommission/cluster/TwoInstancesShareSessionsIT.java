package org.cocommission.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.cocommission.CoCommissionApplication;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database, as behind a load balancer: a session opened on one is honoured by the
 * other and ended for both by a logout on either, and a job lock taken by one keeps the other out.
 */
class TwoInstancesShareSessionsIT {

	static final String ADMIN_PASSWORD = "cluster administrator password";

	static final String PASSWORD = "a cluster user password";

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern SESSION_COOKIE = Pattern.compile("SESSION=([^;]+)");

	static ConfigurableApplicationContext instanceA;

	static ConfigurableApplicationContext instanceB;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() {
		// The embedded server the other tests in this JVM use (see src/test/resources/config), with a database of our own.
		Path dataDirectory = Path.of(System.getProperty("cc.test.data-dir", "target/test-postgres") + "-"
				+ ProcessHandle.current().pid());
		String url = EmbeddedPostgresServer.jdbcUrl(EmbeddedPostgresServer.startedIn(dataDirectory),
				"cluster_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		instanceA = start(url);
		instanceB = start(url);
	}

	@AfterAll
	static void stopInstances() {
		if (instanceB != null) {
			instanceB.close();
		}
		if (instanceA != null) {
			instanceA.close();
		}
	}

	@Test
	void aLoginOnOneInstanceIsHonouredByTheOtherUntilALogoutOnEither() throws Exception {
		String username = createUser();

		String session = logIn(instanceA, username, PASSWORD);

		assertThat(sessionsInDatabase(username)).isEqualTo(1);
		HttpResponse<String> me = get(instanceB, "/api/v1/me", session);
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode body = JsonMapper.shared().readTree(me.body());
		assertThat(body.get("username").asString()).isEqualTo(username);
		assertThat(body.get("role").asString()).isEqualTo("CCG");
		assertThat(get(instanceA, "/api/v1/me", session).statusCode()).isEqualTo(200);

		logOut(instanceB, session);

		assertThat(get(instanceA, "/api/v1/me", session).statusCode()).isEqualTo(401);
		assertThat(get(instanceB, "/api/v1/me", session).statusCode()).isEqualTo(401);
		assertThat(sessionsInDatabase(username)).isZero();
	}

	@Test
	void theFirstInstanceCreatesTheAdministratorAndTheSecondLeavesItAlone() throws Exception {
		long nationalAccounts = instanceB.getBean(JdbcClient.class)
			.sql("select count(*) from identity_user_account where username = 'national'")
			.query(Long.class)
			.single();
		assertThat(nationalAccounts).isEqualTo(1);

		String session = logIn(instanceB, "national", ADMIN_PASSWORD);

		assertThat(get(instanceA, "/users", session).statusCode()).isEqualTo(200);
	}

	@Test
	void aJobLockTakenOnOneInstanceKeepsTheOtherOut() {
		var onA = new DefaultLockingTaskExecutor(instanceA.getBean(LockProvider.class));
		var onB = new DefaultLockingTaskExecutor(instanceB.getBean(LockProvider.class));
		var job = new LockConfiguration(Instant.now(), "cluster-test-" + UUID.randomUUID(), Duration.ofMinutes(1),
				Duration.ZERO);
		var ranOnA = new AtomicBoolean();
		var ranOnBMeanwhile = new AtomicBoolean();

		onA.executeWithLock((Runnable) () -> {
			ranOnA.set(true);
			// Another thread, as B's scheduler would be: ShedLock lets a thread that holds a lock re-enter it.
			CompletableFuture.runAsync(() -> onB.executeWithLock((Runnable) () -> ranOnBMeanwhile.set(true), job))
				.join();
		}, job);

		assertThat(ranOnA).isTrue();
		assertThat(ranOnBMeanwhile).as("B ran the job while A held its lock").isFalse();
		var ranOnBAfterwards = new AtomicBoolean();
		onB.executeWithLock((Runnable) () -> ranOnBAfterwards.set(true), job);
		assertThat(ranOnBAfterwards).as("B runs the job once A has finished").isTrue();
	}

	private static ConfigurableApplicationContext start(String databaseUrl) {
		return new SpringApplicationBuilder(CoCommissionApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
				"--cocommission.admin-password=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off");
	}

	private static String createUser() {
		JdbcClient jdbc = instanceA.getBean(JdbcClient.class);
		String ccg = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
		jdbc.sql("insert into directory_organisation (code, type, name) values (?, 'CCG', 'Cluster test CCG')")
			.param(ccg)
			.update();
		String username = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
		instanceA.getBean(UserAccounts.class)
			.create(new NewUser(username, "Cluster User", null, Role.CCG, ccg, PASSWORD));
		return username;
	}

	/** Logs in through the login page as a browser does, returning the session cookie's value. */
	private String logIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
		HttpResponse<String> page = get(instance, "/login", null);
		assertThat(page.statusCode()).isEqualTo(200);
		String anonymousSession = sessionCookie(page);
		HttpResponse<String> login = post(instance, "/login", anonymousSession,
				Map.of("username", username, "password", password, "_csrf", csrfToken(page)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		// Signing in changes the session id, against session fixation.
		String session = sessionCookie(login);
		assertThat(session).isNotEqualTo(anonymousSession);
		return session;
	}

	private void logOut(ConfigurableApplicationContext instance, String session) throws Exception {
		HttpResponse<String> page = get(instance, "/account", session);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> logout = post(instance, "/logout", session, Map.of("_csrf", csrfToken(page)));
		assertThat(logout.statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String session)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path)).GET();
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String session,
			Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(uri(instance, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=" + session)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
	}

	private static String csrfToken(HttpResponse<String> page) {
		Matcher token = CSRF_INPUT.matcher(page.body());
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION_COOKIE::matcher)
			.filter(Matcher::find)
			.map(cookie -> cookie.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
	}

	private static long sessionsInDatabase(String username) {
		return instanceA.getBean(JdbcClient.class)
			.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}
}
