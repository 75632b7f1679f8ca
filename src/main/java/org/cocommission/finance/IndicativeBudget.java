package org.cocommission.finance;

import java.time.Instant;

import org.cocommission.platform.FinancialYear;

/** A CCG's indicative budget for a year and programme, as published from a run. */
public record IndicativeBudget(FinancialYear year, Programme programme, long runId, Instant publishedAt,
		CcgResult result) {
}
