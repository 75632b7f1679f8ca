package org.cocommission.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one way any capability tells people something: an in-app notice, and an e-mail queued in the outbox in the
 * caller's transaction (so it is sent only if the change commits, and exactly once).
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void notice(String username, String title, String body, String link) {
		jdbc.sql("insert into notification_notice (recipient, title, body, link) values (?, ?, ?, ?)")
			.params(username, title, body, link)
			.update();
	}

	/**
	 * Queues an e-mail. A message with a deduplication key already queued is not queued again, so a job that
	 * re-runs after a crash cannot send the same reminder twice.
	 */
	public boolean email(String recipient, String subject, String body, String deduplicationKey) {
		return jdbc.sql("insert into notification_email_outbox (deduplication_key, recipient, subject, body)"
				+ " values (?, ?, ?, ?) on conflict (deduplication_key) do nothing")
			.params(deduplicationKey, recipient, subject, body)
			.update() == 1;
	}
}
