package org.cocommission.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session's last access is written at most once a minute; everything else about a session is written at once
 * (docs/architecture.md, "Sessions"). A row's {@code xmin} changes with every UPDATE, so an unchanged one means the
 * request wrote nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionWritesTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserAccounts accounts;

	@Autowired
	private FindByIndexNameSessionRepository<?> sessions;

	private IdentityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new IdentityFixtures(jdbc, accounts);
	}

	@Test
	void requestsWithinAMinuteOfTheStoredLastAccessWriteNothing() throws Exception {
		Cookie session = signIn(mvc, fixtures.ccgUser(), PASSWORD);
		// The first page after signing in stores the session's CSRF token: an attribute, written at once.
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		Row before = row(session);

		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

		assertThat(row(session)).isEqualTo(before);
	}

	@Test
	void aRequestAMinuteOrMoreAfterTheStoredLastAccessWritesIt() throws Exception {
		Cookie session = signIn(mvc, fixtures.ccgUser(), PASSWORD);
		long aMinuteAgo = System.currentTimeMillis() - Duration.ofSeconds(61).toMillis();
		storeLastAccess(session, aMinuteAgo);

		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

		Row after = row(session);
		assertThat(after.lastAccessTime()).isGreaterThan(aMinuteAgo + Duration.ofSeconds(60).toMillis());
		assertThat(after.expiryTime()).isEqualTo(after.lastAccessTime() + TIMEOUT.toMillis());
	}

	@Test
	void aLastAccessUnderAMinuteAfterTheStoredOneIsNotWrittenSoTheSessionExpiresAtMostAMinuteEarly() {
		String id = newStoredSession();
		Row stored = row(id);
		Instant storedAccess = Instant.ofEpochMilli(stored.lastAccessTime());

		access(id, storedAccess.plusSeconds(59));
		assertThat(row(id)).isEqualTo(stored);

		access(id, storedAccess.plusSeconds(60));
		assertThat(row(id).expiryTime()).isEqualTo(storedAccess.plusSeconds(60).plus(TIMEOUT).toEpochMilli());
	}

	@Test
	void anAttributeSetWithinTheMinuteIsStoredWithTheRequestsLastAccess() {
		String id = newStoredSession();
		Instant access = Instant.ofEpochMilli(row(id).lastAccessTime()).plusSeconds(10);

		setAttribute(sessions, id, access);

		assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
				+ " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = 'note'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(row(id).lastAccessTime()).isEqualTo(access.toEpochMilli());
	}

	@Test
	void signingInStillGivesTheSessionANewId() throws Exception {
		Cookie anonymous = mvc.perform(get("/account"))
			.andExpect(redirectedUrl("/login"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(anonymous).as("a session for the saved request").isNotNull();

		Cookie signedIn = mvc.perform(post("/login").cookie(anonymous)
			.param("username", fixtures.ccgUser())
			.param("password", PASSWORD)
			.with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(signedIn).isNotNull();
		assertThat(id(signedIn)).isNotEqualTo(id(anonymous));
		assertThat(count(id(anonymous))).isZero();
		assertThat(count(id(signedIn))).isEqualTo(1);
	}

	@Test
	void aSessionPastItsStoredExpiryIsGoneEvenIfUsedWithinTheMinute() throws Exception {
		Cookie session = signIn(mvc, fixtures.ccgUser(), PASSWORD);
		long lastAccess = System.currentTimeMillis() - TIMEOUT.plusSeconds(1).toMillis();
		storeLastAccess(session, lastAccess);

		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(count(id(session))).isZero();
	}

	private String newStoredSession() {
		return create(sessions);
	}

	private static <S extends Session> String create(FindByIndexNameSessionRepository<S> repository) {
		S session = repository.createSession();
		session.setLastAccessedTime(Instant.now());
		repository.save(session);
		return session.getId();
	}

	private void access(String id, Instant when) {
		access(sessions, id, when);
	}

	private static <S extends Session> void access(FindByIndexNameSessionRepository<S> repository, String id,
			Instant when) {
		S session = repository.findById(id);
		session.setLastAccessedTime(when);
		repository.save(session);
	}

	private static <S extends Session> void setAttribute(FindByIndexNameSessionRepository<S> repository, String id,
			Instant when) {
		S session = repository.findById(id);
		session.setLastAccessedTime(when);
		session.setAttribute("note", "kept");
		repository.save(session);
	}

	/** Stores the session's last access (epoch milliseconds) and the expiry the repository derives from it. */
	private void storeLastAccess(Cookie session, long lastAccess) {
		jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
			.params(lastAccess, lastAccess + TIMEOUT.toMillis(), id(session))
			.update();
	}

	private static String id(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private Row row(Cookie session) {
		return row(id(session));
	}

	private Row row(String id) {
		return jdbc.sql("select xmin::text as version, last_access_time, expiry_time from spring_session"
				+ " where session_id = ?")
			.param(id)
			.query(Row.class)
			.single();
	}

	private long count(String id) {
		return jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class).single();
	}

	/** The stored row: its version ({@code xmin}, new with every write), last access and expiry. */
	record Row(String version, long lastAccessTime, long expiryTime) {
	}
}
