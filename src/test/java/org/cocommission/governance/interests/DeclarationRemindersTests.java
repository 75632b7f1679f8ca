package org.cocommission.governance.interests;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(GovernanceFixture.class)
class DeclarationRemindersTests {

	private final DeclarationReminders reminders;

	private final Governance governance;

	private final JdbcClient jdbc;

	private final GovernanceFixture fixture;

	@Autowired
	DeclarationRemindersTests(DeclarationReminders reminders, Governance governance, JdbcClient jdbc,
			GovernanceFixture fixture) {
		this.reminders = reminders;
		this.governance = governance;
		this.jdbc = jdbc;
		this.fixture = fixture;
	}

	@Test
	void anOverduePersonWithAnAccountIsRemindedOncePerDueDate() {
		fixture.directoryAndUsers();
		long person = governance.addPeople("01A", List.of(new GovernanceRequests.NewPerson("Reminded Person", MemberRole.LAY_MEMBER,
				null, null, "plain-01a", LocalDate.of(2014, 1, 1)))).get(0);

		reminders.queueReminders();
		reminders.queueReminders();

		assertThat(jdbc.sql("select count(*) from notification_notice where recipient = 'plain-01a' and title like 'Your declarations%'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from governance_reminder where person_id = ? and due_on = '2014-01-29'")
			.param(person)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDailyJobRemindsAsTheSystem() {
		fixture.directoryAndUsers();
		long person = governance.addPeople("01A", List.of(new GovernanceRequests.NewPerson("Daily Reminded", MemberRole.EXECUTIVE,
				null, null, "guardian-01a", LocalDate.of(2014, 1, 1)))).get(0);

		reminders.daily();

		assertThat(jdbc.sql("select actor from audit_event where action = 'DECLARATION_REMINDER_QUEUED' and entity_id = ?")
			.param(String.valueOf(person))
			.query(String.class)
			.list()).containsExactly(ActingAs.SYSTEM);
	}
}
