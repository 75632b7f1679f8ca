package org.cocommission.workforce;

import java.math.BigDecimal;

/**
 * A measure for one organisation in one month. A practice whose numerator or denominator is withheld ("ND") has no
 * value and {@code withheld} true. An aggregate (CCG, England) leaves such practices out of both numerator and
 * denominator and counts them in {@code practicesLeftOut}; it is {@code withheld} only when every practice was left
 * out (docs/domain-rules.md#workforce).
 *
 * @param value numerator / denominator × the measure's scale; null when withheld or the denominator is zero
 * @param practices practices in the figure, including those left out
 * @param decile 1 (lowest) to 10 among the organisations of the same level with a value; null without a value
 */
public record MeasureRow(String orgCode, String orgName, BigDecimal numerator, BigDecimal denominator,
		BigDecimal value, boolean withheld, int practices, int practicesLeftOut, Integer decile) {

	MeasureRow withDecile(Integer decile) {
		return new MeasureRow(orgCode, orgName, numerator, denominator, value, withheld, practices, practicesLeftOut,
				decile);
	}
}
