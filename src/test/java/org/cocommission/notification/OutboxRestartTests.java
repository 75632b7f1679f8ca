package org.cocommission.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cocommission.CoCommissionApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An e-mail queued while no mail server is configured waits in the database, survives a restart, and is sent by
 * the first run after the application comes back with a mail server.
 */
class OutboxRestartTests {

	private final String database = "outbox_restart_" + UUID.randomUUID().toString().replace("-", "");

	@Test
	void queuedEmailSurvivesARestartAndIsSentByALaterRun() {
		try (ConfigurableApplicationContext first = start(false)) {
			first.getBean(Notifications.class).email("restart@nhs.net", "Agenda", "The agenda is ready.", "restart-1");
			first.getBean(OutboxSender.class).sendDue();

			assertThat(status(first)).as("no mail server: nothing is sent, nothing is lost").isEqualTo("PENDING");
		}

		try (ConfigurableApplicationContext second = start(true)) {
			assertThat(status(second)).isEqualTo("PENDING");

			second.getBean(OutboxSender.class).sendDue();

			assertThat(second.getBean(RecordingMailSender.class).sentTo("restart@nhs.net")).hasSize(1);
			assertThat(status(second)).isEqualTo("SENT");
		}
	}

	private ConfigurableApplicationContext start(boolean withMailServer) {
		var application = withMailServer
				? new SpringApplicationBuilder(CoCommissionApplication.class, RecordingMailSender.Configuration.class)
				: new SpringApplicationBuilder(CoCommissionApplication.class);
		// Command-line arguments, so that they win over the test configuration's random database.
		return application.run("--cocommission.embedded.database=" + database, "--server.port=0",
				"--cocommission.mail.outbox-delay=1h");
	}

	private static String status(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select status from notification_email_outbox where deduplication_key = 'restart-1'")
			.query(String.class)
			.single();
	}
}
