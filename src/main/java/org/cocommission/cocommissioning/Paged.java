package org.cocommission.cocommissioning;

import java.util.List;

/** One page of a list already in memory (at most a few hundred CCGs); {@code page} counts from 0. */
public record Paged<T>(List<T> items, int page, int size, int total) {

	static final int SIZE = 50;

	public static <T> Paged<T> of(List<T> all, int page) {
		int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
		int current = Math.max(0, Math.min(page, pages - 1));
		return new Paged<>(all.subList(current * SIZE, Math.min(all.size(), (current + 1) * SIZE)), current, SIZE,
				all.size());
	}

	public int totalPages() {
		return Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}
}
