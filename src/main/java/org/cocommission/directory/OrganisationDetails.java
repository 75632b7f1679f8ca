package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation with its parent chain as at today (nearest parent first, up to NHS England) and its current
 * registered list (the latest extract; for a CCG and above, the sum over its practices).
 */
public record OrganisationDetails(String code, String name, OrganisationType type, String typeLabel,
		List<String> addressLines, String postcode, String telephone, LocalDate openDate, LocalDate closeDate,
		String status, String statusLabel, Integer prescribingSetting, String practiceType, boolean placeholder,
		boolean synthetic, List<OrganisationRef> parentChain, Long currentListSize, LocalDate listSizeDate) {
}
