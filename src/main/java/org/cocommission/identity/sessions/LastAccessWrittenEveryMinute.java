package org.cocommission.identity.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository, but a session's last access is written at most once a minute. Spring Session writes
 * it on every request (a committed UPDATE, so a WAL flush, for each signed-in page) and declines to do otherwise
 * (spring-session#1065). Here a session whose only change in a request is its last access, less than
 * {@link #LAST_ACCESS_STEP} after the one stored, is not written at all; anything else (a new session, an
 * attribute set or removed, a new id on signing in, a new timeout) is written at once, with the request's last
 * access. Invalidation (signing out) deletes the row as before. Hence a session expires at most a minute early
 * (stored last access + timeout), never late (docs/architecture.md, "Sessions").
 * <p>
 * Relies on Spring Session's default save mode (an attribute is written when it is set), which the application
 * keeps.
 * <p>
 * Within a request ({@link SessionReadOncePerRequest}) a session is read from the database once: Spring Session's
 * filter asks for the requested session again each time it commits the session (once when the response is committed,
 * as a page is flushed, and again at the end), after clearing what it had read, only to learn the requested id and
 * whether it was valid. Those later asks are answered with the session this request read or saved.
 */
final class LastAccessWrittenEveryMinute implements FindByIndexNameSessionRepository<LastAccessWrittenEveryMinute.Tracked> {

	/** How stale the stored last access may grow before a request that changes nothing else writes it. */
	static final Duration LAST_ACCESS_STEP = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> sessions;

	/** The sessions read or saved by id in the request on this thread, while {@link #withinRequest} runs it. */
	private final ThreadLocal<Map<String, Tracked>> request = new ThreadLocal<>();

	@SuppressWarnings("unchecked")
	LastAccessWrittenEveryMinute(FindByIndexNameSessionRepository<? extends Session> sessions) {
		// Spring Session's JDBC session class is not public; every session handed back to it came from it.
		this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
	}

	@Override
	public Tracked createSession() {
		return new Tracked(sessions.createSession(), true);
	}

	@Override
	public void save(Tracked session) {
		session.save();
		Map<String, Tracked> seen = request.get();
		if (seen != null) {
			seen.put(session.getId(), session);
		}
	}

	@Override
	public Tracked findById(String id) {
		Map<String, Tracked> seen = request.get();
		if (seen != null && seen.containsKey(id)) {
			Tracked known = seen.get(id);
			// a session whose id changed since is no longer found by its old id
			if (known == null || known.getId().equals(id)) {
				return known;
			}
		}
		Session stored = sessions.findById(id);
		Tracked found = stored == null ? null : new Tracked(stored, false);
		if (seen != null) {
			seen.put(id, found);
		}
		return found;
	}

	@Override
	public void deleteById(String id) {
		sessions.deleteById(id);
		Map<String, Tracked> seen = request.get();
		if (seen != null) {
			seen.put(id, null);
		}
	}

	/**
	 * Runs {@code work} (a request) with each session read from the database at most once in it, by id: a later read
	 * answered with the session read or saved before, or with nothing once deleted.
	 */
	void withinRequest(Work work) throws java.io.IOException, jakarta.servlet.ServletException {
		if (request.get() != null) {
			work.run();
			return;
		}
		request.set(new java.util.HashMap<>());
		try {
			work.run();
		}
		finally {
			request.remove();
		}
	}

	/** A request's work, as a filter chain runs it. */
	@FunctionalInterface
	interface Work {

		void run() throws java.io.IOException, jakarta.servlet.ServletException;
	}

	@Override
	public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Tracked> found = new LinkedHashMap<>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Tracked(session, false)));
		return found;
	}

	/** A session as read or created, knowing whether anything but its last access changed since it was stored. */
	final class Tracked implements Session {

		private final Session stored;

		/** Anything to write besides the last access: new, an attribute, the id or the timeout. */
		private boolean changed;

		/** The last access of this request, held back while nothing else is to be written. */
		private Instant lastAccess;

		private Tracked(Session stored, boolean isNew) {
			this.stored = stored;
			this.changed = isNew;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (changed || !lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(LAST_ACCESS_STEP))) {
				stored.setLastAccessedTime(lastAccessedTime);
				lastAccess = null;
				changed = true;
			}
			else {
				lastAccess = lastAccessedTime;
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return lastAccess != null ? lastAccess : stored.getLastAccessedTime();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
			changed = true;
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
			changed = true;
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return stored.changeSessionId();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
			changed = true;
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		/** Expired by the stored last access, as the repository and its clean-up judge it. */
		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

		private void save() {
			if (!changed) {
				return;
			}
			if (lastAccess != null) {
				stored.setLastAccessedTime(lastAccess);
				lastAccess = null;
			}
			sessions.save(stored);
			changed = false;
		}
	}
}
