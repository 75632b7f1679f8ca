package org.cocommission.outcomes;

/**
 * One organisation's computed value for an indicator and period; proportions in percent, rates per the indicator's
 * multiplier. {@code comparedToEngland} is a {@link Comparison} name; {@code decile} runs from 1 (lowest values) to
 * 10 (highest), for practices and CCGs only.
 */
public record ValueRow(String orgCode, String orgName, String parentCode, double numerator, double denominator,
		Double value, Double lower95, Double upper95, Double lower998, Double upper998, String comparedToEngland,
		Integer decile) {

	public Comparison comparison() {
		return Comparison.valueOf(comparedToEngland);
	}
}
