package org.cocommission.finance.budgets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cocommission.finance.Programme;
import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.platform.FinancialYear;

/** A CCG's indicative budget for a year and programme, as published from a run. */
public record IndicativeBudget(FinancialYear year, Programme programme, long runId, String runName, Instant publishedAt,
		CcgResult result) {

	/** The day it was published, in England. */
	public LocalDate publishedOn() {
		return publishedAt.atZone(ZoneId.of("Europe/London")).toLocalDate();
	}
}
