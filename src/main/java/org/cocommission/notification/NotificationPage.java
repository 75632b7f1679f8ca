package org.cocommission.notification;

import java.util.List;

/** One page of notices or e-mails, newest first. {@code page} counts from 0. */
public record NotificationPage<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 200;

	public NotificationPage {
		items = List.copyOf(items);
	}

	static void check(int page, int size) {
		if (page < 0) {
			throw new IllegalArgumentException("The page number must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("The page size must be between 1 and " + MAX_SIZE);
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
