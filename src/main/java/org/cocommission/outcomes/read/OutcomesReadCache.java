package org.cocommission.outcomes.read;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The computed values the pages read again and again (an indicator's slices, decile series, a CCG's spine), kept
 * until anything they are read from changes. What is kept is keyed by the database's read generation (see
 * V40_8__outcomes_read_generation.sql), read with every lookup, so a recompute or directory change committed by any
 * instance retires it at once. A transaction that has itself written those tables reads around the cache: what it
 * sees is not committed yet.
 */
@Component
public class OutcomesReadCache {

	private static final String GENERATION = OutcomesReadCache.class.getName() + ".generation";

	/**
	 * About 200 MB of rows of about 200 bytes (their texts held once, {@link #canonical}): every CCG slice of a national
	 * dataset (68 indicators x 36 months x 211 CCGs, 520,000 rows) with room for practice slices of 7,800 rows each.
	 * With half this, a league table's random walk over the CCG slices evicted one every few milliseconds, and reading
	 * them again cost a third of the machine.
	 */
	private static final long MAXIMUM_ROWS = 1_000_000;

	// JdbcTemplate and hand mapping on purpose: the read cache's hot path, filled straight into primitive arrays.
	private final JdbcTemplate jdbc;

	private final Cache<Key, Object> kept = Caffeine.newBuilder()
		.maximumWeight(MAXIMUM_ROWS)
		.weigher((Key key, Object value) -> weight(value))
		.build();

	private final Map<String, String> texts = new ConcurrentHashMap<>();

	private volatile String generation;

	private final ThreadLocal<Generation> reading = new ThreadLocal<>();

	OutcomesReadCache(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What {@code read} returns for these arguments, read once per generation; {@code read} must not return null. */
	@SuppressWarnings("unchecked")
	public <T> T get(String what, List<?> arguments, Supplier<T> read) {
		Generation outer = reading.get();
		Generation current = outer != null ? outer : generation();
		if (current == null || current.writtenHere()) {
			return read.get();
		}
		if (!current.id().equals(generation)) {
			// Older generations' entries can no longer be asked for: free their memory now.
			kept.invalidateAll();
			texts.clear();
			generation = current.id();
		}
		// Not kept.get(key, loader): one kept read is made of others (a spine of slices), and Caffeine's loaders must not
		// touch the cache. Two threads missing at once both read, which costs a query, not correctness.
		Key key = new Key(current.id(), what, arguments);
		Object value = kept.getIfPresent(key);
		if (value == null) {
			// The reads it is made of belong to the same generation: no need to ask again.
			reading.set(current);
			try {
				value = read.get();
			}
			finally {
				if (outer == null) {
					reading.remove();
				}
			}
			kept.put(key, value);
		}
		return (T) value;
	}

	/**
	 * The one copy of a text that kept rows repeat (organisation codes, names, comparisons), so that each is held once
	 * rather than once per row of every slice: a row with its own texts weighed three times as much. Forgotten with
	 * the generation, so a renamed organisation's old name goes too.
	 */
	public String canonical(String text) {
		if (text == null) {
			return null;
		}
		String kept = texts.putIfAbsent(text, text);
		return kept == null ? text : kept;
	}

	/**
	 * The generation now. A page asks for many kept reads: a GET request, which changes nothing, reads the generation
	 * once and sees every read of one generation.
	 */
	private Generation generation() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		boolean readOnlyRequest = request instanceof ServletRequestAttributes servlet
				&& ("GET".equals(servlet.getRequest().getMethod()) || "HEAD".equals(servlet.getRequest().getMethod()));
		if (readOnlyRequest && request.getAttribute(GENERATION, RequestAttributes.SCOPE_REQUEST) instanceof Generation kept) {
			return kept;
		}
		Generation current = jdbc.queryForObject("select generation::text,"
				+ " generation = pg_current_xact_id_if_assigned() from outcomes_read_generation",
				(rs, row) -> new Generation(rs.getString(1), rs.getBoolean(2)));
		if (readOnlyRequest && current != null && !current.writtenHere()) {
			request.setAttribute(GENERATION, current, RequestAttributes.SCOPE_REQUEST);
		}
		return current;
	}

	private static int weight(Object value) {
		if (value instanceof Weighed weighed) {
			return weighed.weight();
		}
		if (value instanceof String text) {
			return 1 + text.length() / 200;
		}
		if (value instanceof byte[] bytes) {
			return 1 + bytes.length / 200;
		}
		if (value instanceof Collection<?> rows) {
			return 1 + rows.size();
		}
		if (value instanceof Map<?, ?> rows) {
			return 1 + rows.size();
		}
		return 1;
	}

	/** A kept value that says what it weighs, in rows of about 200 bytes. */
	public interface Weighed {

		int weight();
	}

	private record Generation(String id, boolean writtenHere) {
	}

	private record Key(String generation, String what, List<?> arguments) {
	}
}
