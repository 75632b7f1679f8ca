package org.cocommission.outcomes.imports;

/** One stored observation, as imported: an organisation's numerator and denominator of an indicator in a period. */
public record Observation(String orgCode, String indicatorId, String period, double numerator, double denominator,
		long importId) {
}
