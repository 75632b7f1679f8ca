package org.cocommission.directory;

import java.time.LocalDate;

/** An organisation as a row of a list: the latest registered list size where it has one. */
public record OrganisationSummary(String code, String name, OrganisationType type, String postcode, String status,
		String practiceType, LocalDate openDate, LocalDate closeDate, Long listSize, boolean placeholder) {
}
