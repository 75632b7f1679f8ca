package org.cocommission.directory.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import org.cocommission.directory.DirectoryChanged;

/**
 * The directory's generation: a number that moves on each time a change to the directory commits, and the read caches
 * kept under it. A cache keeps what it worked out under the generation current when the work began, so that figures a
 * visit was reading while a change committed are given to that visit but never shown after the change. Moving on also
 * empties every cache (no stale entry competes for room), and nothing is kept longer than {@link #AT_MOST}, so that a
 * change made on another instance shows within that time.
 */
@Component
public class DirectoryGeneration {

	/** How long a cache keeps anything at most: the time a change made on another instance may take to show. */
	public static final Duration AT_MOST = Duration.ofMinutes(5);

	private final AtomicLong number = new AtomicLong();

	private final List<DirectoryCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	/** The generation now: it moves on after each committed change. */
	public long current() {
		return number.get();
	}

	/** A cache of at most {@code entries} values, kept under this generation. */
	public <K, V> DirectoryCache<K, V> cache(long entries) {
		return register(new DirectoryCache<K, V>(this, Caffeine.newBuilder().expireAfterWrite(AT_MOST)
			.maximumSize(entries)));
	}

	/**
	 * A cache of values holding rows (a page of a list, a query's hits), bounded by {@code rows} in all: each value
	 * weighs one more than its rows, so that empty answers count too.
	 */
	@SuppressWarnings("unchecked")
	public <K, V> DirectoryCache<K, V> rowCache(long rows, ToIntFunction<? super V> rowsOf) {
		return register(new DirectoryCache<K, V>(this, Caffeine.newBuilder().expireAfterWrite(AT_MOST)
			.maximumWeight(rows)
			.weigher((key, value) -> 1 + rowsOf.applyAsInt((V) value))));
	}

	private <K, V> DirectoryCache<K, V> register(DirectoryCache<K, V> cache) {
		caches.add(cache);
		return cache;
	}

	/** An import changed the directory: once it has committed (at once outside a transaction). */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(DirectoryChanged changed) {
		moveOn();
	}

	/** After a committed change that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	public void moveOn() {
		number.incrementAndGet();
		caches.forEach(DirectoryCache::forgetAll);
	}
}
