package org.cocommission.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each e-mail is claimed, sent and marked in its own transaction with
 * {@code for update skip locked}, and the job holds a cluster-wide lock, so two instances never send one e-mail
 * twice. A failed send is tried again after 1, 2, 4... minutes, and given up after {@value #MAX_ATTEMPTS} tries.
 * Without a mail server ({@code spring.mail.host} unset) nothing is sent and the e-mails wait in the outbox. An e-mail
 * with a one-time link gets its link here, from its kind's {@link OutboxLinks}, in the same transaction; the link is
 * written only into the message sent, never back into the outbox.
 */
@Component
public class OutboxSender {

	static final int MAX_ATTEMPTS = 8;

	/** At most this many e-mails a run, so that one run never holds the job lock for long. */
	private static final int BATCH = 200;

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final Notifications notifications;

	private final Map<String, OutboxLinks> links;

	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			ObjectProvider<JavaMailSender> mailSender, @Value("${cocommission.mail.from}") String from,
			Notifications notifications, List<OutboxLinks> links) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.links = links.stream().collect(Collectors.toMap(OutboxLinks::kind, Function.identity()));
		this.transaction = new TransactionTemplate(transactionManager);
		this.mailSender = mailSender;
		this.from = from;
		if (!mailServerConfigured()) {
			log.info("No mail server is configured (spring.mail.host is not set): e-mails stay in the outbox unsent");
		}
	}

	boolean mailServerConfigured() {
		return mailSender.getIfAvailable() != null;
	}

	/** Sends what is due now (the schedule's job; public so that a test can run it by hand). */
	@Scheduled(fixedDelayString = "${cocommission.mail.outbox-delay:30s}",
			initialDelayString = "${cocommission.mail.outbox-delay:30s}")
	@SchedulerLock(name = "notification-outbox-sender", lockAtMostFor = "PT10M")
	public void sendDue() {
		ActingAs.system(this::sendBatch);
	}

	private void sendBatch() {
		JavaMailSender mail = mailSender.getIfAvailable();
		if (mail == null) {
			return;
		}
		for (int i = 0; i < BATCH; i++) {
			if (!Boolean.TRUE.equals(transaction.execute(status -> sendNext(mail)))) {
				return;
			}
		}
	}

	/** Claims, sends and marks the next due e-mail; false when none is due. */
	private boolean sendNext(JavaMailSender mail) {
		Optional<Due> next = jdbc.sql("select id, recipient, subject, body, attempts, link_kind, link_reference"
				+ " from notification_email_outbox"
				+ " where status = 'PENDING' and next_attempt_at <= now()"
				+ " order by next_attempt_at, id limit 1 for update skip locked")
			.query(Due.class)
			.optional();
		if (next.isEmpty()) {
			return false;
		}
		Due due = next.get();
		try {
			Optional<String> body = withLink(due);
			if (body.isEmpty()) {
				jdbc.sql("update notification_email_outbox set status = 'FAILED', last_error = ? where id = ?")
					.params(NO_LONGER_WANTED, due.id())
					.update();
				return true;
			}
			mail.send(due.message(from, body.get()));
			jdbc.sql("update notification_email_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1,"
					+ " last_error = null where id = ?")
				.param(due.id())
				.update();
		}
		catch (RuntimeException ex) {
			recordFailure(due, ex);
		}
		return true;
	}

	static final String NO_LONGER_WANTED = "Not sent: its one-time link is no longer wanted (used, withdrawn or expired)";

	/** The body to send: as queued, or with its one-time link made now; empty when the link is no longer wanted. */
	private Optional<String> withLink(Due due) {
		if (due.linkKind() == null) {
			return Optional.of(due.body());
		}
		OutboxLinks maker = links.get(due.linkKind());
		if (maker == null) {
			throw new IllegalStateException("Nothing makes links of kind " + due.linkKind());
		}
		return maker.make(due.linkReference()).map(link -> {
			// The next try asks with the new reference: making the link retired the one before.
			jdbc.sql("update notification_email_outbox set link_reference = ? where id = ?")
				.params(link.nextReference(), due.id())
				.update();
			return due.body().replace(Notifications.LINK, notifications.absolute(link.path()));
		});
	}

	private void recordFailure(Due due, RuntimeException ex) {
		int attempts = due.attempts() + 1;
		String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		if (error.length() > MAX_ERROR_LENGTH) {
			error = error.substring(0, MAX_ERROR_LENGTH);
		}
		if (attempts >= MAX_ATTEMPTS) {
			log.warn("Gave up e-mail {} after {} attempts: {}", due.id(), attempts, error);
			jdbc.sql("update notification_email_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
				.params(attempts, error, due.id())
				.update();
			return;
		}
		long backoffMinutes = 1L << (attempts - 1);
		log.info("Could not send e-mail {} (attempt {}), trying again in {} minute(s): {}", due.id(), attempts,
				backoffMinutes, error);
		jdbc.sql("update notification_email_outbox set attempts = ?, last_error = ?,"
				+ " next_attempt_at = now() + make_interval(mins => ?) where id = ?")
			.params(attempts, error, (int) backoffMinutes, due.id())
			.update();
	}

	private record Due(long id, String recipient, String subject, String body, int attempts, String linkKind,
			String linkReference) {

		SimpleMailMessage message(String from, String text) {
			var message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(recipient);
			message.setSubject(subject);
			message.setText(text);
			return message;
		}
	}
}
