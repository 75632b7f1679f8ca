package org.cocommission.platform;

import java.util.List;

/** One page of a longer list, and how many items the whole list has. {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public PageOf {
		items = List.copyOf(items);
		if (page < 0) {
			throw new IllegalArgumentException("The page number must be 0 or more");
		}
		if (size < 1) {
			throw new IllegalArgumentException("The page size must be at least 1");
		}
	}

	/** One page of a list already in memory; a page beyond either end gives the nearest page there is. */
	public static <T> PageOf<T> of(List<T> all, int page, int size) {
		int lastPage = Math.max(0, (all.size() - 1) / size);
		int current = Math.max(0, Math.min(page, lastPage));
		return new PageOf<>(all.subList(Math.min(all.size(), current * size), Math.min(all.size(), (current + 1) * size)),
				current, size, all.size());
	}

	/** Refuses a page request no list could answer, before any query runs. */
	public static void check(int page, int size, int maxSize) {
		if (page < 0) {
			throw new IllegalArgumentException("The page number must be 0 or more");
		}
		if (size < 1 || size > maxSize) {
			throw new IllegalArgumentException("The page size must be between 1 and " + maxSize);
		}
	}

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}
