package org.cocommission.notification;

import java.time.Instant;

/** An e-mail in the outbox, with what happened to it so far. */
public record OutboxEmail(long id, String recipient, String subject, String body, Instant createdAt,
		OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
}
