package org.cocommission.cocommissioning.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.CoCommissioningTestData;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.MutableClock;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

/**
 * Reminders 14 and 3 days before a deadline: sent once each, and not again by a fresh instance of the job (as after
 * a restart), because what was sent is in the database.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClock.Configuration.class)
class DeadlineReminderTests {

	private final DeadlineReminders reminders;

	private final Rounds rounds;

	private final MutableClock clock;

	private final JdbcClient jdbc;

	private final UserDetailsService users;

	private final Directory directory;

	private final TransitionNotices notices;

	private final AuditTrail audit;

	@Autowired
	DeadlineReminderTests(DeadlineReminders reminders, Rounds rounds, MutableClock clock, JdbcClient jdbc,
			UserDetailsService users, Directory directory, TransitionNotices notices, AuditTrail audit,
			DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		this.reminders = reminders;
		this.rounds = rounds;
		this.clock = clock;
		this.jdbc = jdbc;
		this.users = users;
		this.directory = directory;
		this.notices = notices;
		this.audit = audit;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@Test
	void remindsFourteenAndThreeDaysBeforeEachOnceEvenAfterARestart() {
		Round round = as(users, "cc-national", () -> rounds.create(new NewRound("Reminder round",
				EnumSet.of(CommissioningLevel.DELEGATED), LocalDateTime.of(2016, 2, 1, 17, 0),
				LocalDateTime.of(2016, 3, 15, 12, 0), LocalDate.of(2016, 4, 1), 0, 4, List.of("Integration"))));
		String prefix = "cocommissioning-reminder-" + round.id() + "-APPLICATION-";

		clock.set(Instant.parse("2016-02-29T23:59:59Z"));
		reminders.queueReminders();
		assertThat(emails(prefix + "14-%")).isZero();

		clock.set(Instant.parse("2016-03-01T07:00:00Z"));
		reminders.queueReminders();
		assertThat(emails(prefix + "14-%")).as("one e-mail to each CCG user with an address").isEqualTo(3);
		assertThat(notices("Reminder round: full applications are due in 14 days")).isEqualTo(4);
		assertThat(jdbc.sql("select body from notification_email_outbox where deduplication_key like ?")
			.param(prefix + "14-%")
			.query(String.class)
			.list()).as("links that work from a mail client")
			.allMatch(body -> body.contains("Open CoCommission: http://localhost:8080/co-commissioning/rounds/"));

		reminders.queueReminders();
		DeadlineReminders restarted = new DeadlineReminders(jdbc, rounds, directory, notices, audit, clock);
		restarted.queueReminders();
		assertThat(emails(prefix + "14-%")).isEqualTo(3);
		assertThat(notices("Reminder round: full applications are due in 14 days")).isEqualTo(4);

		clock.set(Instant.parse("2016-03-12T07:00:00Z"));
		restarted.queueReminders();
		reminders.queueReminders();
		assertThat(emails(prefix + "3-%")).isEqualTo(3);
		assertThat(notices("Reminder round: full applications are due in 3 days")).isEqualTo(4);

		clock.set(Instant.parse("2016-03-15T12:00:01Z"));
		reminders.queueReminders();
		assertThat(emails(prefix + "%")).as("nothing after the deadline").isEqualTo(6);
		assertThat(CoCommissioningTestData.audited(jdbc, "COCOMMISSIONING_ROUND", round.id(),
				"COCOMMISSIONING_REMINDER_SENT")).as("what the audit trail keeps of each reminder").containsExactly(
					"COCOMMISSIONING_REMINDER_SENT - {\"deadline\": \"APPLICATION\", \"daysBefore\": 14, \"recipients\": 4}",
					"COCOMMISSIONING_REMINDER_SENT - {\"deadline\": \"APPLICATION\", \"daysBefore\": 3, \"recipients\": 4}");
	}

	@Test
	void remindsOfALevelsOwnDeadlineOnItsOwnDays() {
		Round round = as(users, "cc-national", () -> rounds.create(new NewRound("Per-level reminder round",
				EnumSet.of(CommissioningLevel.JOINT, CommissioningLevel.DELEGATED), LocalDateTime.of(2016, 6, 1, 17, 0),
				LocalDateTime.of(2016, 8, 30, 12, 0), LocalDate.of(2016, 10, 1), 0, 4, List.of("Integration"),
				java.util.Map.of(CommissioningLevel.DELEGATED, LocalDateTime.of(2016, 8, 9, 12, 0)))));
		String prefix = "cocommissioning-reminder-" + round.id() + "-";

		clock.set(Instant.parse("2016-07-26T07:00:00Z"));
		reminders.queueReminders();
		assertThat(emails(prefix + "APPLICATION_DELEGATED-14-%")).isEqualTo(3);
		assertThat(notices("Per-level reminder round: full applications for delegated commissioning are due in 14 days"))
			.isEqualTo(4);
		assertThat(emails(prefix + "APPLICATION-%")).as("the joint deadline is not yet near").isZero();

		clock.set(Instant.parse("2016-08-16T07:00:00Z"));
		reminders.queueReminders();
		assertThat(emails(prefix + "APPLICATION-14-%")).isEqualTo(3);
		assertThat(emails(prefix + "APPLICATION_DELEGATED-%")).as("none after the delegated deadline").isEqualTo(3);
	}

	private int emails(String keyPattern) {
		return jdbc.sql("select count(*) from notification_email_outbox where deduplication_key like ?")
			.param(keyPattern)
			.query(Integer.class)
			.single();
	}

	private int notices(String title) {
		return jdbc.sql("select count(*) from notification_notice where title = ?").param(title).query(Integer.class).single();
	}
}
