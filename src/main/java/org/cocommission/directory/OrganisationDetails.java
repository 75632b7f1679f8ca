package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation with its parent chain as at today (nearest parent first, up to NHS England) and its current
 * registered list (the latest extract; for a CCG and above, the sum over its practices). {@code typeLabel} says what it
 * is today (a CCG-level organisation may be a sub-ICB location); {@code typeHistory} what it was over time (empty when
 * always its type); {@code predecessors} and {@code successors} come from ODS's successor file.
 */
public record OrganisationDetails(String code, String name, OrganisationType type, String typeLabel,
		List<String> addressLines, String postcode, String telephone, LocalDate openDate, LocalDate closeDate,
		String status, String statusLabel, Integer prescribingSetting, String practiceType, boolean placeholder,
		boolean synthetic, List<OrganisationRef> parentChain, Long currentListSize, LocalDate listSizeDate,
		List<TypePeriod> typeHistory, List<Succession> predecessors, List<Succession> successors) {
}
