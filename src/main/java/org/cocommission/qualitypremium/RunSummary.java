package org.cocommission.qualitypremium;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/**
 * A result run: when and by whom, the hash of its inputs, and the national totals (available vs paid);
 * {@code ccgsWithMissingInputs}: CCGs with a measure, standard or gateway not assessed for want of data;
 * {@code publishOverride}: the reason given for publishing it all the same.
 */
public record RunSummary(long id, FinancialYear year, String status, String computedBy, Instant computedAt,
		String publishedBy, Instant publishedAt, String inputsSha256, LocalDate populationDate, Money totalMaximum,
		Money totalPaid, int ccgs, int ccgsPaidNothing, BigDecimal bestPercent, int ccgsWithMissingInputs,
		String publishOverride) {

	/** Every CCG's measures, standards and gateways were assessed from data. */
	public boolean complete() {
		return ccgsWithMissingInputs == 0;
	}

	public BigDecimal paidPercent() {
		return totalMaximum.signum() == 0 ? BigDecimal.ZERO
				: totalPaid.pounds().multiply(BigDecimal.valueOf(100)).divide(totalMaximum.pounds(), 1,
						java.math.RoundingMode.HALF_UP);
	}

	/** The status as people read it. */
	public String statusLabel() {
		return switch (status) {
			case "PUBLISHED" -> "Published";
			case "SUPERSEDED" -> "Superseded by a later publication";
			default -> "Computed, not published";
		};
	}

	public boolean published() {
		return "PUBLISHED".equals(status);
	}
}
