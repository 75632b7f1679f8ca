package org.cocommission.cocommissioning.applications;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What adding and removing an attachment write to the audit trail keeps its field names and values. */
class AttachmentAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anAttachmentIsRecordedByIdFileNameAndSize() {
		assertThat(JSON.writeValueAsString(new Attachments.Attached(7, "plan.pdf", 36)))
			.isEqualTo("{\"attachment\":7,\"fileName\":\"plan.pdf\",\"bytes\":36}");
		assertThat(JSON.writeValueAsString(new Attachments.Removed(7, "plan.pdf")))
			.isEqualTo("{\"attachment\":7,\"fileName\":\"plan.pdf\"}");
	}
}
