package org.cocommission.authorisation;

import java.time.LocalDate;

/**
 * A condition of a CCG that merged into another, still in force: the CCG it came from ({@code fromCode},
 * {@code fromName}), the criterion not met, its support level and whether directions apply. The application of the
 * CCG created by the merger carries it (docs/domain-rules.md, "CCG authorisation", "A wave for a merged CCG").
 */
public record CarriedCondition(long conditionId, String fromCode, String fromName, String criterionCode,
		String criterionText, SupportLevel supportLevel, boolean directions, LocalDate imposedOn) {
}
