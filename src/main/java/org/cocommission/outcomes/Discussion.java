package org.cocommission.outcomes;

import java.time.Instant;

/**
 * A discussion thread on one indicator for one CCG or practice ({@code orgType} CCG or GP_PRACTICE), optionally about
 * one period and started with one named peer. {@code version} guards closing and reopening against a stale page.
 */
public record Discussion(long id, String orgCode, String orgName, String orgType, String indicatorId,
		String indicatorName, String period, String peerCode, String peerName, String title, String author,
		String authorName, DiscussionStatus status, boolean synthetic, Instant createdAt, Instant lastActivityAt,
		int version) {

	public boolean isPractice() {
		return "GP_PRACTICE".equals(orgType);
	}

	public boolean open() {
		return status == DiscussionStatus.OPEN;
	}
}
