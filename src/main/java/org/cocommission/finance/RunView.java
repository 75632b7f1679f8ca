package org.cocommission.finance;

import java.time.Instant;
import java.time.LocalDate;

import org.cocommission.finance.allocations.LargestRemainder;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/** A completed allocation run and its parameters. */
public record RunView(long id, String name, FinancialYear year, Programme programme, long formulaId, String formulaName,
		LocalDate extractDate, Money envelope, Money specialisedEnvelope, PaceOfChange pace, String baselineSource,
		Long copiedFrom, String createdBy, Instant createdAt, String publishedBy, Instant publishedAt) {

	public boolean published() {
		return publishedAt != null;
	}

	public String roundingRule() {
		return LargestRemainder.RULE;
	}
}
