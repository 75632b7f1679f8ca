package org.cocommission.outcomes;

/**
 * Where a discussion thread stands. OPEN takes comments; CLOSED keeps them readable but takes none. The organisation
 * (or those above it) or the thread's author closes it with {@link #close()} and may reopen it with {@link #reopen()}.
 */
public enum DiscussionStatus {

	OPEN("Open"), CLOSED("Closed");

	private final String label;

	DiscussionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public DiscussionStatus close() {
		if (this != OPEN) {
			throw new IllegalArgumentException("This discussion is already closed");
		}
		return CLOSED;
	}

	public DiscussionStatus reopen() {
		if (this != CLOSED) {
			throw new IllegalArgumentException("This discussion is already open");
		}
		return OPEN;
	}
}
