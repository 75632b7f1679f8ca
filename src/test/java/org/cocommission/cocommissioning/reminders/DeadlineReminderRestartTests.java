package org.cocommission.cocommissioning.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.cocommission.CoCommissionApplication;
import org.cocommission.cocommissioning.CoCommissioningTestData;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.MutableClock;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

/**
 * Deadline reminders already sent are not sent again after a real restart: the application is closed and a second
 * one starts on the same database, and its job, on the same day and later, adds no e-mail and no notice.
 */
class DeadlineReminderRestartTests {

	private static final String TITLE = "Restart round: full applications are due in 14 days";

	private final String database = "cocommissioning_restart_" + UUID.randomUUID().toString().replace("-", "");

	@Test
	void remindersSentBeforeARestartAreNotSentAgainByTheRestartedApplication() {
		long roundId;
		try (ConfigurableApplicationContext first = start()) {
			CoCommissioningTestData.directoryAndUsers(first.getBean(DirectoryImports.class),
					first.getBean(UserAccounts.class), first.getBean(UserDuties.class));
			roundId = as(first.getBean(UserDetailsService.class), "cc-national",
					() -> first.getBean(Rounds.class).create(new NewRound("Restart round",
							EnumSet.of(CommissioningLevel.DELEGATED), LocalDateTime.of(2016, 2, 1, 17, 0),
							LocalDateTime.of(2016, 3, 15, 12, 0), LocalDate.of(2016, 4, 1), 0, 4, List.of("Integration"))))
				.id();
			first.getBean(MutableClock.class).set(Instant.parse("2016-03-01T07:00:00Z"));
			assertThat(first.getBean(DeadlineReminders.class).queueReminders()).isEqualTo(1);
			assertThat(emails(first, roundId)).as("one e-mail to each CCG user with an address").isEqualTo(3);
			assertThat(notices(first)).isEqualTo(4);
		}

		try (ConfigurableApplicationContext second = start()) {
			MutableClock clock = second.getBean(MutableClock.class);
			DeadlineReminders reminders = second.getBean(DeadlineReminders.class);
			clock.set(Instant.parse("2016-03-01T07:00:00Z"));
			assertThat(reminders.queueReminders()).isZero();
			clock.set(Instant.parse("2016-03-05T07:00:00Z"));
			assertThat(reminders.queueReminders()).isZero();
			assertThat(emails(second, roundId)).isEqualTo(3);
			assertThat(notices(second)).isEqualTo(4);

			clock.set(Instant.parse("2016-03-12T07:00:00Z"));
			assertThat(reminders.queueReminders()).as("the 3-day reminder is still due once").isEqualTo(1);
			assertThat(emails(second, roundId)).isEqualTo(6);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, so that they win over the test configuration's random database.
		return new SpringApplicationBuilder(CoCommissionApplication.class, MutableClock.Configuration.class)
			.run("--cocommission.embedded.database=" + database, "--server.port=0",
					"--cocommission.mail.outbox-delay=1h");
	}

	private static int emails(ConfigurableApplicationContext context, long roundId) {
		return context.getBean(JdbcClient.class)
			.sql("select count(*) from notification_email_outbox where deduplication_key like ?")
			.param("cocommissioning-reminder-" + roundId + "-APPLICATION-%")
			.query(Integer.class)
			.single();
	}

	private static int notices(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select count(*) from notification_notice where title = ?")
			.param(TITLE)
			.query(Integer.class)
			.single();
	}
}
