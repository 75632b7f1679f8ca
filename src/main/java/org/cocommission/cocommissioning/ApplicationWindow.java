package org.cocommission.cocommissioning;

import java.time.Instant;

/**
 * When a CCG may still submit: up to and including the round's deadline, or a later instant a national user
 * re-opened the window to for that CCG. Source: docs/domain-rules.md#co-commissioning (applications due by the
 * deadline).
 */
public record ApplicationWindow(Instant deadline, Instant reopenedUntil) {

	public ApplicationWindow {
		if (deadline == null) {
			throw new IllegalArgumentException("A window needs a deadline");
		}
	}

	public Instant closesAt() {
		return reopenedUntil != null && reopenedUntil.isAfter(deadline) ? reopenedUntil : deadline;
	}

	public java.time.ZonedDateTime closesAtInLondon() {
		return closesAt().atZone(Round.LONDON);
	}

	public boolean isOpenAt(Instant instant) {
		return !instant.isAfter(closesAt());
	}
}
