package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.cocommission.platform.Money;

/**
 * A call-off competition as it stands: the requirements, criteria, bids, evaluators, scores and their evaluation,
 * and the award once made (docs/domain-rules.md#commissioning-support, "Call-off competitions").
 */
public record CallOff(long id, String ccgCode, SupportService service, String title, String requirements,
		CallOffStatus status, List<Criterion> criteria, List<BidView> bids, List<EvaluatorView> evaluators,
		List<ScoreView> scores, List<Evaluation> evaluation, SupportProvider awardedTo, Money awardValue,
		LocalDate contractEnd, LocalDate standstillEnds) {

	public record Criterion(int position, String name, int weight) {
	}

	public record BidView(String providerCode, String providerName, Money annualValue, String summary) {
	}

	/**
	 * An evaluator: the interest declared on the call-off, if any; for a person on the CCG's register of people, their
	 * id there and the interests the register of interests records in the bidders on the day of the evaluation.
	 */
	public record EvaluatorView(String name, String conflict, Long personId, List<String> registeredInterests) {

		public EvaluatorView(String name, String conflict) {
			this(name, conflict, null, List.of());
		}

		public boolean conflicted() {
			return (conflict != null && !conflict.isBlank()) || !registeredInterests.isEmpty();
		}

		/** Why the evaluator is excluded, in words; null when they are not. */
		public String exclusion() {
			List<String> reasons = new java.util.ArrayList<>();
			if (!registeredInterests.isEmpty()) {
				reasons.add("the register of interests records " + String.join("; ", registeredInterests));
			}
			if (conflict != null && !conflict.isBlank()) {
				reasons.add("declared on the call-off: " + conflict);
			}
			return reasons.isEmpty() ? null : String.join("; and ", reasons);
		}
	}

	public record ScoreView(String evaluator, String providerCode, int criterion, int score) {
	}

	/**
	 * A bid evaluated: per criterion the moderated score (the mean of the scores of evaluators without a conflict),
	 * and the weighted total out of 100.
	 *
	 * @param moderated by criterion position - 1; null where no evaluator without a conflict has scored it
	 * @param complete every criterion has a moderated score
	 */
	public record Evaluation(String providerCode, String providerName, Money annualValue, List<BigDecimal> moderated,
			BigDecimal weightedTotal, boolean complete, Integer rank) {
	}
}
