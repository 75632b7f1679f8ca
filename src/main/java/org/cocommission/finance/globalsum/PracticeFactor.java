package org.cocommission.finance.globalsum;

import java.math.BigDecimal;

/**
 * A practice's Carr-Hill component indices in a formula (1 is the England average): additional needs (limiting
 * long-standing illness, SMR under 65), list turnover, staff market forces factor and rurality, and its patients in
 * nursing and residential homes. Source: GP global sum, docs/domain-rules.md#finance.
 */
public record PracticeFactor(String practiceCode, BigDecimal additionalNeeds, BigDecimal listTurnover,
		BigDecimal marketForcesFactor, BigDecimal rurality, long nursingHomePatients) {

	public PracticeFactor {
		if (practiceCode == null || practiceCode.isBlank()) {
			throw new IllegalArgumentException("A practice factor needs a practice code");
		}
		for (BigDecimal index : new BigDecimal[] { additionalNeeds, listTurnover, marketForcesFactor, rurality }) {
			if (index == null || index.signum() <= 0) {
				throw new IllegalArgumentException("Every index of practice " + practiceCode + " must be a positive number");
			}
		}
		if (nursingHomePatients < 0) {
			throw new IllegalArgumentException("Practice " + practiceCode + " cannot have fewer than 0 nursing home patients");
		}
	}

	GlobalSum.PracticeFactors components() {
		return new GlobalSum.PracticeFactors(additionalNeeds, listTurnover, marketForcesFactor, rurality,
				nursingHomePatients);
	}
}
