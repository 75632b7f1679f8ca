package org.cocommission.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's filter asks for the requested session again each time it commits it; within a request the session
 * is read from the store once, and the filter still finds and keeps the session it read.
 */
class SessionReadOncePerRequestTests {

	/** Sessions kept in memory, counting the reads that would go to the database. */
	private static final class CountedSessions implements FindByIndexNameSessionRepository<MapSession> {

		private final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());

		private int reads;

		@Override
		public MapSession createSession() {
			return sessions.createSession();
		}

		@Override
		public void save(MapSession session) {
			sessions.save(session);
		}

		@Override
		public MapSession findById(String id) {
			reads++;
			return sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			sessions.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}
	}

	/** A page that reads the session and is flushed before it ends, as a rendered page is. */
	private static final class FlushedPage extends HttpServlet {

		private final boolean signedIn;

		FlushedPage(boolean signedIn) {
			this.signedIn = signedIn;
		}

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
			assertThat(request.getSession(false) != null).as("the session found").isEqualTo(signedIn);
			response.getWriter().write("page");
			response.flushBuffer();
		}
	}

	private final CountedSessions store = new CountedSessions();

	private final LastAccessWrittenEveryMinute sessions = new LastAccessWrittenEveryMinute(store);

	private String storedSession() {
		MapSession session = store.createSession();
		session.setAttribute("user", "someone");
		store.save(session);
		return session.getId();
	}

	private MockHttpServletResponse request(String sessionId, Filter... filters) throws Exception {
		return request(sessionId, true, filters);
	}

	private MockHttpServletResponse request(String sessionId, boolean signedIn, Filter... filters) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setCookies(new Cookie("SESSION",
				Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(new FlushedPage(signedIn), filters).doFilter(request, response);
		return response;
	}

	@Test
	void aFlushedPageReadsItsSessionOnce() throws Exception {
		String id = storedSession();
		SessionRepositoryFilter<LastAccessWrittenEveryMinute.Tracked> sessionFilter = new SessionRepositoryFilter<>(
				sessions);

		request(id, sessionFilter);
		int readsWithoutIt = store.reads;
		store.reads = 0;
		MockHttpServletResponse response = request(id, new SessionReadOncePerRequest(sessions), sessionFilter);

		assertThat(readsWithoutIt).as("Spring Session's filter alone").isGreaterThan(1);
		assertThat(store.reads).isEqualTo(1);
		assertThat(response.getCookie("SESSION")).as("the session kept, no new cookie").isNull();
		assertThat(store.sessions.findById(id)).isNotNull();
	}

	@Test
	void eachRequestReadsTheSessionAgain() throws Exception {
		String id = storedSession();
		SessionRepositoryFilter<LastAccessWrittenEveryMinute.Tracked> sessionFilter = new SessionRepositoryFilter<>(
				sessions);
		Filter once = new SessionReadOncePerRequest(sessions);

		request(id, once, sessionFilter);
		store.deleteById(id);
		store.reads = 0;
		// signed out elsewhere since the last request
		request(id, false, once, sessionFilter);

		assertThat(store.reads).isEqualTo(1);
	}
}
