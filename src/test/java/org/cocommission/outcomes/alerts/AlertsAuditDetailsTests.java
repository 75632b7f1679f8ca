package org.cocommission.outcomes.alerts;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recompute's alerts write to the audit trail keeps its field names and values. */
class AlertsAuditDetailsTests {

	@Test
	void raisingRecordsTheIndicatorsTouchedAndTheAlertsFoundAndNew() {
		assertThat(JsonMapper.builder().build().writeValueAsString(
				new OutcomesAlerts.AlertsRaised(List.of("PRAC-FLU65", "CCG-FLU65"), 5, 3)))
			.isEqualTo("{\"indicators\":[\"PRAC-FLU65\",\"CCG-FLU65\"],\"found\":5,\"raised\":3}");
	}

	@Test
	void aDigestRecordsItsDayItsAlertsAndTheLastAlertItCovers() {
		assertThat(JsonMapper.builder().build().writeValueAsString(
				new AlertDigest.DigestQueued(java.time.LocalDate.of(2026, 11, 24), 3, 41)))
			.isEqualTo("{\"day\":\"2026-11-24\",\"alerts\":3,\"lastAlertId\":41}");
	}

	@Test
	void aWithdrawalRecordsTheStatusBeforeAndTheStatusAndReasonAfter() {
		assertThat(JsonMapper.builder().build().writeValueAsString(new AlertWithdrawals.State("open", null)))
			.isEqualTo("{\"status\":\"open\"}");
		assertThat(JsonMapper.builder().build().writeValueAsString(
				new AlertWithdrawals.State("withdrawn", AlertWithdrawals.DATA_CORRECTED)))
			.isEqualTo("{\"status\":\"withdrawn\",\"reason\":\"data corrected\"}");
	}
}
