package org.cocommission.notification;

import java.time.Instant;

/** Something the application told one person; {@code readAt} is null until they mark it read. */
public record Notice(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

	/** The link when it stays inside the application (a path), so a notice can never point elsewhere. */
	public String internalLink() {
		return link != null && link.startsWith("/") && !link.startsWith("//") ? link : null;
	}
}
