package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.util.List;

/**
 * One provider's results for one service in one year's reviews (docs/domain-rules.md#commissioning-support, "Reviews
 * of providers"). Below {@link ReviewStatistics#MINIMUM_CCGS} responding CCGs the satisfaction figures are withheld
 * ({@code withheld} true and they are null); the service levels are the provider's own results and always shown.
 *
 * @param meanScore the mean of the responding CCGs' scores (each the mean of its answers, 1 to 5), with its 95% interval
 * @param satisfied the share of responding CCGs agreeing or strongly agreeing that they are satisfied overall, in per
 * cent, with its 95% Wilson interval
 * @param themeMeans the mean score of each theme, in {@link ReviewQuestion.Theme} order
 * @param levelsMet quarters in the year where a service level agreed with a CCG was met
 * @param levelsReported quarters in the year with an actual recorded
 * @param attainmentPercent levelsMet over levelsReported, in per cent to one decimal; null when none reported
 */
public record ProviderComparison(String year, SupportService service, SupportProvider provider, int respondingCcgs,
		boolean withheld, ReviewStatistics.Estimate meanScore, ReviewStatistics.Estimate satisfied,
		List<BigDecimal> themeMeans, int levelsMet, int levelsReported, BigDecimal attainmentPercent) {
}
