package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.List;

/** A panel's decision for one CCG, as recorded: the conditions must match the outcome (docs/domain-rules.md). */
public record NewOutcome(String ccgCode, int wave, OutcomeKind outcome, List<NewCondition> conditions) {

	public NewOutcome {
		conditions = List.copyOf(conditions);
		if ((outcome == OutcomeKind.AUTHORISED_WITH_CONDITIONS) == conditions.isEmpty()) {
			throw new IllegalArgumentException("Conditions come with, and only with, authorisation with conditions");
		}
	}

	public record NewCondition(String criterionCode, SupportLevel supportLevel, boolean directions,
			LocalDate dischargedOn) {

		public NewCondition {
			if (directions && !supportLevel.allowsDirections()) {
				throw new IllegalArgumentException("Only a level IV condition can be backed by directions");
			}
		}
	}
}
