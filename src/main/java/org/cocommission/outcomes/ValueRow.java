package org.cocommission.outcomes;

/**
 * One organisation's computed value for an indicator and period; proportions in percent, rates per the indicator's
 * multiplier. {@code comparedToEngland} is a {@link Comparison} name; {@code decile} runs from 1 (lowest values) to
 * 10 (highest), for practices and CCGs only. {@code aboveDenominator} flags a proportion whose numerator is above its
 * denominator (a QOF register larger than the list): its value is shown, over 100%, with no interval, no comparison
 * and no decile (docs/domain-rules.md#outcomes, "Published files").
 */
public record ValueRow(String orgCode, String orgName, String parentCode, double numerator, double denominator,
		Double value, Double lower95, Double upper95, Double lower998, Double upper998, String comparedToEngland,
		Integer decile, boolean aboveDenominator) {

	/** A row without the flag. */
	public ValueRow(String orgCode, String orgName, String parentCode, double numerator, double denominator,
			Double value, Double lower95, Double upper95, Double lower998, Double upper998, String comparedToEngland,
			Integer decile) {
		this(orgCode, orgName, parentCode, numerator, denominator, value, lower95, upper95, lower998, upper998,
				comparedToEngland, decile, false);
	}

	public Comparison comparison() {
		return Comparison.valueOf(comparedToEngland);
	}

	/** Whether a value of an indicator of this type, from these counts, is a proportion above 100%. */
	public static boolean aboveDenominator(IndicatorType type, double numerator, double denominator) {
		return type == IndicatorType.PROPORTION && denominator > 0 && numerator > denominator;
	}
}
