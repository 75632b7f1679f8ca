package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * What kind of number a measure's value is, so an upload can refuse an impossible one and a statement can print it
 * for its kind (docs/domain-rules.md#quality-premium): a count of events (whole, 0 or more), a rate (0 or more, e.g.
 * per 100,000), a percentage (0 to 100), or a condition (1 met, 0 not met).
 */
public enum ValueDomain {

	COUNT("a count: a whole number, 0 or more"),
	RATE("a rate: 0 or more"),
	PERCENTAGE("a percentage, from 0 to 100"),
	CONDITION("1 (met) or 0 (not met)");

	private final String description;

	ValueDomain(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** The domain a measure has when its scheme does not say: a condition for a condition, else a rate. */
	static ValueDomain defaultFor(MeasureRule rule) {
		return switch (rule) {
			case CONDITION -> CONDITION;
			case COMPOSITE -> null;
			default -> RATE;
		};
	}

	/** Whether {@code value} can be a value of this kind. */
	public boolean accepts(BigDecimal value) {
		return switch (this) {
			case COUNT -> value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
			case RATE -> value.signum() >= 0;
			case PERCENTAGE -> value.signum() >= 0 && value.compareTo(Percent.HUNDRED) <= 0;
			case CONDITION -> value.signum() == 0 || value.compareTo(BigDecimal.ONE) == 0;
		};
	}

	/** The value as a person reads it: 1,234 (count), 2,173.4 (rate), 15.0% (percentage), met / not met. */
	public String format(BigDecimal value) {
		return switch (this) {
			case COUNT -> value.stripTrailingZeros().scale() <= 0 ? grouped("#,##0").format(value)
					: grouped("#,##0.0").format(value.setScale(1, RoundingMode.HALF_UP));
			case RATE -> grouped("#,##0.0").format(value.setScale(1, RoundingMode.HALF_UP));
			case PERCENTAGE -> grouped("#,##0.0").format(value.setScale(1, RoundingMode.HALF_UP)) + "%";
			case CONDITION -> value.signum() == 0 ? "not met" : "met";
		};
	}

	private static DecimalFormat grouped(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
	}
}
