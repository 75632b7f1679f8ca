package org.cocommission.cocommissioning;

import java.time.Instant;

import org.springframework.jdbc.core.RowMapper;

/** An application as a row of a list. */
public record ApplicationSummary(long id, long roundId, String roundName, String ccgCode, CommissioningLevel level,
		ApplicationStatus status, BoardDecision decision, Instant updatedAt) {

	static final RowMapper<ApplicationSummary> ROW = (rs, row) -> new ApplicationSummary(rs.getLong(1), rs.getLong(2),
			rs.getString(3), rs.getString(4), CommissioningLevel.valueOf(rs.getString(5)),
			ApplicationStatus.valueOf(rs.getString(6)), rs.getString(7) == null ? null : BoardDecision.valueOf(rs.getString(7)),
			rs.getTimestamp(8).toInstant());
}
