package org.cocommission.qualitypremium.runs;

import java.math.BigDecimal;

import org.cocommission.platform.Money;

/**
 * One CCG's line in a run: its maximum, what it earned, the reduction, the final award and its % of the maximum, and
 * how many measures, standards and gateways could not be assessed for want of data.
 */
public record CcgResultRow(String ccgCode, String ccgName, long population, Money maximum, Money earned,
		Money reduction, Money finalAward, BigDecimal percentOfMaximum, boolean gatewaysPassed, int standardsMissed,
		int notAssessed) {
}
