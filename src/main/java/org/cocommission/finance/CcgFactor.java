package org.cocommission.finance;

import java.math.BigDecimal;

/**
 * A CCG's indices in a formula: additional need, unavoidable cost (market forces factor) and the inequality index
 * (SMR under 75 relative to England) used for the inequalities adjustment. 1 means the England average.
 */
public record CcgFactor(String ccgCode, BigDecimal additionalNeed, BigDecimal marketForcesFactor,
		BigDecimal inequalityIndex) {

	public static CcgFactor average(String ccgCode) {
		return new CcgFactor(ccgCode, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
	}

	public CcgFactor {
		if (ccgCode == null || ccgCode.isBlank()) {
			throw new IllegalArgumentException("A CCG factor needs a CCG code");
		}
		for (BigDecimal index : new BigDecimal[] { additionalNeed, marketForcesFactor, inequalityIndex }) {
			if (index == null || index.signum() <= 0) {
				throw new IllegalArgumentException("Every index of CCG " + ccgCode + " must be a positive number");
			}
		}
	}
}
