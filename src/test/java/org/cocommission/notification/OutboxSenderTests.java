package org.cocommission.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox with a (recording) mail server; the job is run by hand, its schedule pushed out of the way. */
@SpringBootTest(properties = "cocommission.mail.outbox-delay=1h")
@Import(RecordingMailSender.Configuration.class)
class OutboxSenderTests {

	private final Notifications notifications;

	private final OutboxSender sender;

	private final RecordingMailSender mail;

	private final JdbcClient jdbc;

	@Autowired
	OutboxSenderTests(Notifications notifications, OutboxSender sender, RecordingMailSender mail, JdbcClient jdbc) {
		this.notifications = notifications;
		this.sender = sender;
		this.mail = mail;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void workingMailServer() {
		mail.reset();
	}

	@Test
	void sendsAnEmailExactlyOnceWhenTheJobRunsTwice() {
		notifications.email("once@nhs.net", "Your vote is due", "Please vote by Friday.", "once-1");

		sender.sendDue();
		sender.sendDue();

		assertThat(mail.sentTo("once@nhs.net")).singleElement().satisfies(message -> {
			assertThat(message.getSubject()).isEqualTo("Your vote is due");
			assertThat(message.getText()).isEqualTo("Please vote by Friday.");
			assertThat(message.getFrom()).isEqualTo("no-reply@cocommission.example");
		});
		assertThat(row("once-1").status()).isEqualTo("SENT");
		assertThat(row("once-1").sentAt()).isNotNull();
	}

	@Test
	void sendsEachEmailOnceWhenTwoRunsOverlap() throws Exception {
		for (int i = 0; i < 5; i++) {
			notifications.email("overlap@nhs.net", "Message " + i, "Body", "overlap-" + i);
		}
		var bothReady = new CyclicBarrier(2);
		Runnable run = () -> {
			await(bothReady);
			sender.sendDue();
		};

		var threads = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture.allOf(CompletableFuture.runAsync(run, threads), CompletableFuture.runAsync(run, threads))
				.get(30, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(mail.sentTo("overlap@nhs.net")).extracting(message -> message.getSubject())
			.containsExactlyInAnyOrder("Message 0", "Message 1", "Message 2", "Message 3", "Message 4");
	}

	@Test
	void retriesAFailedSendLaterAndRecordsTheError() {
		notifications.email("retry@nhs.net", "Reminder", "Body", "retry-1");
		mail.failWith("Connection refused: smtp.example:25");

		sender.sendDue();

		Row failed = row("retry-1");
		assertThat(failed.status()).isEqualTo("PENDING");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isEqualTo("Connection refused: smtp.example:25");
		assertThat(Duration.between(Instant.now(), failed.nextAttemptAt().toInstant()))
			.isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));

		mail.reset();
		sender.sendDue();
		assertThat(mail.sentTo("retry@nhs.net")).as("not due again until the back-off has passed").isEmpty();

		jdbc.sql("update notification_email_outbox set next_attempt_at = now() where deduplication_key = 'retry-1'")
			.update();
		sender.sendDue();

		assertThat(mail.sentTo("retry@nhs.net")).hasSize(1);
		Row sent = row("retry-1");
		assertThat(sent.status()).isEqualTo("SENT");
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void backsOffExponentiallyAndGivesUpAfterEightAttempts() {
		notifications.email("never@nhs.net", "Reminder", "Body", "never-1");
		mail.failWith("550 mailbox unavailable");
		jdbc.sql("update notification_email_outbox set attempts = 3 where deduplication_key = 'never-1'").update();

		sender.sendDue();

		assertThat(Duration.between(Instant.now(), row("never-1").nextAttemptAt().toInstant()))
			.as("the fourth failure waits 8 minutes")
			.isBetween(Duration.ofMinutes(7), Duration.ofMinutes(9));

		jdbc.sql("update notification_email_outbox set attempts = 7, next_attempt_at = now()"
				+ " where deduplication_key = 'never-1'").update();
		sender.sendDue();

		Row given = row("never-1");
		assertThat(given.status()).isEqualTo("FAILED");
		assertThat(given.attempts()).isEqualTo(8);
		assertThat(given.lastError()).isEqualTo("550 mailbox unavailable");
	}

	@Test
	void deduplicationKeyPreventsQueueingTwice() {
		assertThat(notifications.email("dup@nhs.net", "Reminder", "Body", "dup-1")).isTrue();
		assertThat(notifications.email("dup@nhs.net", "Reminder", "Body", "dup-1")).isFalse();

		assertThat(jdbc.sql("select count(*) from notification_email_outbox where deduplication_key = 'dup-1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Row row(String key) {
		return jdbc.sql("select status, attempts, last_error, next_attempt_at, sent_at"
				+ " from notification_email_outbox where deduplication_key = ?")
			.param(key)
			.query(Row.class)
			.single();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Row(String status, int attempts, String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
	}
}
