package org.cocommission.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.PrescribingSetting;
import org.cocommission.directory.Revision;

/** The organisation page's record of changes names each detail as ODS does and gives codes in words (issue 22). */
class RevisionWordsTests {

	@Test
	void aChangeNamesItsDetailsAndValuesInWordsNotStoredKeysOrCodes() {
		Map<String, Object> before = details("1974-04-01", "A", 4);
		Map<String, Object> after = details("1974-04-02", "C", 4);
		List<OrganisationPageView.RevisionRow> rows = OrganisationPageView.revisionRows(List.of(
				new Revision(Instant.parse("2015-04-01T09:00:00Z"), "UPDATED", 2L, after),
				new Revision(Instant.parse("2013-04-01T09:00:00Z"), "CREATED", 1L, before)));

		assertThat(rows.get(0).changes()).containsExactly(
				new OrganisationPageView.AttributeChange("Open date", "1 April 1974", "2 April 1974"),
				new OrganisationPageView.AttributeChange("Status", "Active", "Closed"));
		assertThat(rows.get(1).changes()).extracting(OrganisationPageView.AttributeChange::attribute)
			.contains("Address line 1", "National grouping", "High level health geography", "Prescribing setting")
			.noneMatch(label -> label.matches(".*[a-z][A-Z].*"));
		assertThat(rows.get(1).changes()).filteredOn(change -> change.attribute().equals("Prescribing setting"))
			.extracting(OrganisationPageView.AttributeChange::after)
			.containsExactly(PrescribingSetting.label(4))
			.doesNotContain("4");
	}

	private static Map<String, Object> details(String openDate, String status, int setting) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", "THE FIRST SURGERY");
		details.put("addressLine1", "1 HIGH STREET");
		details.put("openDate", openDate);
		details.put("status", status);
		details.put("prescribingSetting", setting);
		details.put("nationalGrouping", "Y54");
		details.put("healthGeography", "Q72");
		return details;
	}
}
