package org.cocommission.finance;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.platform.FinancialYear;

/**
 * A run's allocations were published as the indicative budgets of its year and programme (replacing earlier ones).
 * Each CCG's users are told in the same transaction ({@code BudgetNotices}).
 */
@DomainEvent
public record IndicativeBudgetsPublished(long runId, FinancialYear year, Programme programme) {
}
