package org.cocommission.outcomes.alerts;

import java.time.Instant;

import org.cocommission.outcomes.OutcomesLevel;

/**
 * One stored alert: who, which indicator, why, the two periods with the values and deciles it was raised on, whether
 * the organisation has acknowledged it, and whether it was withdrawn: by the system because corrected data no longer
 * supports it, or by a person ({@code withdrawnBy}) with a reason.
 * {@code ccgCode} is the CCG a practice was placed in for the alert's period. {@code version} guards the
 * acknowledgement.
 */
public record Alert(long id, String indicatorId, String indicatorName, OutcomesLevel level, String orgCode,
		String orgName, String ccgCode, String areaTeamCode, AlertReason reason, String previousPeriod, String period,
		Double previousValue, Double value, Integer previousDecile, Integer decile, Double z, Instant raisedAt,
		String acknowledgedBy, Instant acknowledgedAt, String acknowledgement, Instant withdrawnAt,
		String withdrawnReason, String withdrawnBy, int version) {

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}

	public boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** Withdrawn by a person (an analyst who found the data wrong), not by the system after a corrected import. */
	public boolean withdrawnByPerson() {
		return withdrawnAt != null && withdrawnBy != null;
	}
}
