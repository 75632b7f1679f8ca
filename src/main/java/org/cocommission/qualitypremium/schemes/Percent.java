package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the scheme writes them (12.5%), kept exact as decimals. */
public final class Percent {

	public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percent() {
	}

	public static BigDecimal fraction(BigDecimal percent) {
		return percent.divide(HUNDRED, 10, RoundingMode.HALF_UP);
	}

	public static String format(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString() + "%";
	}

	static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
