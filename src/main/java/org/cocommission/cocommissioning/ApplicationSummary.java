package org.cocommission.cocommissioning;

import java.time.Instant;
/** An application as a row of a list. */
public record ApplicationSummary(long id, long roundId, String roundName, String ccgCode, CommissioningLevel level,
		ApplicationStatus status, BoardDecision decision, Instant updatedAt) {
}
