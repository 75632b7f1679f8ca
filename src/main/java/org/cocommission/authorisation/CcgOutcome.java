package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.List;

/** One CCG's panel outcome with its conditions and their reviews, as the CCG and NHS England see it. */
public record CcgOutcome(String ccgCode, int wave, OutcomeKind outcome, LocalDate decidedOn,
		List<Condition> conditions) {

	public record Condition(long id, String criterionCode, String criterionText, int domainNumber,
			SupportLevel supportLevel, boolean directions, LocalDate imposedOn, LocalDate dischargedOn,
			List<Review> reviews) {

		public boolean inForce() {
			return dischargedOn == null;
		}
	}

	public record Review(LocalDate reviewedOn, boolean met, String note, String reviewedBy) {
	}
}
