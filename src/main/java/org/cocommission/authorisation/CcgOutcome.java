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

		/** When the next quarterly review is due: three months after the last one, or after imposition. */
		public LocalDate reviewDue() {
			LocalDate last = reviews.isEmpty() ? imposedOn : reviews.get(reviews.size() - 1).reviewedOn();
			return last.plusMonths(3);
		}

		/** Whether the condition is in force and its review was due before {@code today}. */
		public boolean reviewOverdue(LocalDate today) {
			return inForce() && reviewDue().isBefore(today);
		}
	}

	public record Review(LocalDate reviewedOn, boolean met, String note, String reviewedBy) {
	}
}
