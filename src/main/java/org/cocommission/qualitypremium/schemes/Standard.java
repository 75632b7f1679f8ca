package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;

/** An NHS Constitution standard: met when the CCG's % achieved is at or above the threshold; a miss reduces the award. */
public record Standard(String code, String name, BigDecimal thresholdPercent, BigDecimal reductionPercent) {

	public Standard {
		if (code == null || !code.matches("[A-Z0-9_]{1,20}") || name == null || name.isBlank()) {
			throw new IllegalArgumentException("A standard needs a code and a name");
		}
		if (thresholdPercent == null || thresholdPercent.signum() < 0 || thresholdPercent.compareTo(Percent.HUNDRED) > 0) {
			throw new IllegalArgumentException("The threshold of " + code + " must be between 0% and 100%");
		}
		if (reductionPercent == null || reductionPercent.signum() < 0 || reductionPercent.compareTo(Percent.HUNDRED) > 0) {
			throw new IllegalArgumentException("The reduction for missing " + code + " must be between 0% and 100%");
		}
	}
}
