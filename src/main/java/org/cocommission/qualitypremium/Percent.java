package org.cocommission.qualitypremium;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the scheme writes them (12.5%), kept exact as decimals. */
final class Percent {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percent() {
	}

	static BigDecimal fraction(BigDecimal percent) {
		return percent.divide(HUNDRED, 10, RoundingMode.HALF_UP);
	}

	static String format(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString() + "%";
	}

	static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
