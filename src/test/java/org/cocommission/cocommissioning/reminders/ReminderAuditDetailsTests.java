package org.cocommission.cocommissioning.reminders;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a deadline reminder writes to the audit trail keeps its field names and values. */
class ReminderAuditDetailsTests {

	@Test
	void aReminderRecordsItsDeadlineItsDaysBeforeAndItsRecipients() {
		assertThat(JsonMapper.builder().build().writeValueAsString(new DeadlineReminders.ReminderSent("APPLICATION", 14, 4)))
			.isEqualTo("{\"deadline\":\"APPLICATION\",\"daysBefore\":14,\"recipients\":4}");
	}
}
