package org.cocommission.cocommissioning.applications;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.CoCommissioningTestData;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.MutableClock;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

/** Attachments: only PDF, DOCX and XLSX by content, named for what they are, within the configurable size. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClock.Configuration.class)
class AttachmentLimitsTests {

	private final Rounds rounds;

	private final Applications applications;

	private final Attachments attachments;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	@Autowired
	AttachmentLimitsTests(Rounds rounds, Applications applications, Attachments attachments, UserDetailsService users,
			JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		this.rounds = rounds;
		this.applications = applications;
		this.attachments = attachments;
		this.users = users;
		this.jdbc = jdbc;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@Test
	void acceptsTheThreeTypesAndRefusesOthersTooLargeOrMisnamedFilesSavingNothing() throws Exception {
		Round round = as(users, "cc-national", () -> rounds.create(CoCommissioningTestData.round("Attachments round")));
		ApplicationView draft = as(users, "cc-ao-51a", () -> CoCommissioningTestData.start(applications, round.id(), "51A", CommissioningLevel.JOINT));
		long id = draft.id();
		int version = as(users, "cc-ao-51a", () -> attachments.attach(id, "plan.pdf", AttachmentTypesTests.pdf(), draft.version()));
		version = attachAs(id, "budget.xlsx", AttachmentTypesTests.xlsx(), version);
		version = attachAs(id, "policy.docx", AttachmentTypesTests.office("word/document.xml"), version);
		int current = version;

		assertThatThrownBy(() -> attachAs(id, "virus.pdf", "MZ\u0090 executable".getBytes(), current))
			.hasMessage("virus.pdf is not a PDF, Word (.docx) or Excel (.xlsx) document");
		assertThatThrownBy(() -> attachAs(id, "budget.pdf", AttachmentTypesTests.xlsx(), current))
			.hasMessage("budget.pdf holds a XLSX document but is not named .xlsx");
		jdbc.sql("update cocommissioning_setting set value = '1024' where name = 'max_attachment_bytes'").update();
		try {
			byte[] large = Arrays.copyOf(AttachmentTypesTests.pdf(), 1025);
			assertThatThrownBy(() -> attachAs(id, "large.pdf", large, current))
				.hasMessage("large.pdf is 1,025 bytes; attachments may be at most 1,024 bytes");
			assertThat(attachAs(id, "exact.pdf", Arrays.copyOf(AttachmentTypesTests.pdf(), 1024), current)).isEqualTo(current + 1);
		}
		finally {
			jdbc.sql("update cocommissioning_setting set value = '10485760' where name = 'max_attachment_bytes'").update();
		}
		ApplicationView stored = as(users, "cc-ao-51a", () -> applications.application(id));
		assertThat(stored.attachments()).extracting(ApplicationView.AttachmentInfo::fileName)
			.containsExactly("plan.pdf", "budget.xlsx", "policy.docx", "exact.pdf");
		assertThat(as(users, "cc-area-q51", () -> attachments.download(id, stored.attachments().get(0).id())).content())
			.isEqualTo(AttachmentTypesTests.pdf());
	}

	private int attachAs(long id, String name, byte[] content, int version) {
		return as(users, "cc-ao-51a", () -> attachments.attach(id, name, content, version));
	}
}
