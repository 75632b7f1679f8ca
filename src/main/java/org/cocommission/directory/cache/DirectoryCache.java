package org.cocommission.directory.cache;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A read cache of the directory, made by {@link DirectoryGeneration}: every value is kept under the generation current
 * when its work began, so a value worked out while a change committed is returned to its caller and never again.
 */
public final class DirectoryCache<K, V> {

	private record Kept<K>(long generation, K key) {
	}

	private final DirectoryGeneration generation;

	private final Cache<Kept<K>, V> values;

	DirectoryCache(DirectoryGeneration generation, Caffeine<Object, Object> builder) {
		this.generation = generation;
		this.values = builder.build();
	}

	/** The value kept for {@code key} in this generation, worked out (once, however many ask) if there is none. */
	public V get(K key, Function<? super K, ? extends V> workOut) {
		return values.get(new Kept<>(generation.current(), key), kept -> workOut.apply(kept.key()));
	}

	void forgetAll() {
		values.invalidateAll();
	}
}
