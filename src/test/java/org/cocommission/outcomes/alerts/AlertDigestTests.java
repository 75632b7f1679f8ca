package org.cocommission.outcomes.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;
import org.cocommission.outcomes.OutcomesLevel;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The digest e-mail's composition: one line per alert with its absolute link, at most 25, then how many more; the
 * links' base from the {@code cocommission.base-url} setting.
 */
class AlertDigestTests {

	private static final UserView AREA = new UserView("area-q71", "Area Q71 commissioner", "q71@example.nhs.uk",
			Role.AREA_TEAM, "Q71", true, false, Instant.EPOCH);

	@Test
	void listsEachAlertWithItsLinkAndCountsTheRest() {
		List<Alert> alerts = new ArrayList<>();
		for (int i = 1; i <= AlertDigest.LISTED; i++) {
			alerts.add(alert(i));
		}
		String body = AlertDigest.body(AREA, alerts, 30, "http://localhost:8080");
		assertThat(body).startsWith("Dear Area Q71 commissioner,")
			.contains("- PRACTICE C71001 (C71001), Diabetes: HbA1c 64 mmol/mol or less: moved into the worst decile,"
					+ " 2013/14 to 2014/15. http://localhost:8080/outcomes/alerts/1\n")
			.contains("http://localhost:8080/outcomes/alerts/25\n")
			.contains("and 5 more.")
			.contains("http://localhost:8080/outcomes/alerts?acknowledged=no");
		assertThat(body.lines().filter(line -> line.startsWith("- "))).hasSize(AlertDigest.LISTED);
		assertThat(AlertDigest.body(AREA, List.of(alert(7)), 1, "http://localhost:8080")).doesNotContain("more.");
	}

	@Test
	void linksAreAbsoluteOnTheConfiguredBase() {
		String body = AlertDigest.body(AREA, List.of(alert(7)), 1, "https://cocommission.example.nhs.uk");
		assertThat(body).contains(" https://cocommission.example.nhs.uk/outcomes/alerts/7\n",
				": https://cocommission.example.nhs.uk/outcomes/alerts?acknowledged=no")
			.doesNotContain(" /outcomes/");
	}

	@Test
	void theBaseOfTheLinksIsTheBaseUrlSettingOrLocalhost() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Notifications.class)
			.withBean(JdbcClient.class, () -> mock(JdbcClient.class))
			.withBean(AccessPolicy.class, () -> mock(AccessPolicy.class));
		runner.run(context -> assertThat(context.getBean(Notifications.class).absolute("/outcomes/alerts"))
			.isEqualTo("http://localhost:8080/outcomes/alerts"));
		runner.withPropertyValues("cocommission.base-url=https://cocommission.example.nhs.uk/")
			.run(context -> assertThat(context.getBean(Notifications.class).baseUrl())
				.isEqualTo("https://cocommission.example.nhs.uk"));
	}

	private static Alert alert(long id) {
		return new Alert(id, "PRAC-DMHBA", "Diabetes: HbA1c 64 mmol/mol or less", OutcomesLevel.PRACTICE, "C71001",
				"PRACTICE C71001", "71A", "Q71", AlertReason.INTO_WORST_DECILE, "2013/14", "2014/15", 70.0, 60.0, 4, 1,
				-4.6, Instant.EPOCH, null, null, null, null, null, null, 0);
	}
}
