package org.cocommission.audit;

import java.util.List;

/** One page of the trail, newest first. {@code page} counts from 0. */
public record AuditPage(List<AuditEvent> items, int page, int size, long total) {

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
