package org.cocommission.governance;

import java.time.LocalDate;

/**
 * When a person's declarations are due: within 28 days of joining or of an interest arising, and renewed every 12
 * months (both configurable). Source: s.14O NHS Act 2006 and NHS England, Managing conflicts of interest: revised
 * statutory guidance for CCGs (2016); docs/domain-rules.md#governance.
 */
public record DeclarationDeadlines(int dueDays, int renewalMonths) {

	public DeclarationDeadlines {
		if (dueDays < 1 || renewalMonths < 1) {
			throw new IllegalArgumentException("Declaration periods must be positive");
		}
	}

	public static DeclarationDeadlines reference() {
		return new DeclarationDeadlines(28, 12);
	}

	/**
	 * The next due date: {@code joinedOn + dueDays} before any return; after one, the renewal date, or sooner when
	 * an interest has arisen since the last return ({@code latestInterestFrom + dueDays}).
	 */
	public LocalDate dueOn(LocalDate joinedOn, LocalDate lastReturnOn, LocalDate latestInterestFrom) {
		if (lastReturnOn == null) {
			return joinedOn.plusDays(dueDays);
		}
		LocalDate renewal = lastReturnOn.plusMonths(renewalMonths);
		if (latestInterestFrom != null && latestInterestFrom.isAfter(lastReturnOn)) {
			LocalDate change = latestInterestFrom.plusDays(dueDays);
			return change.isBefore(renewal) ? change : renewal;
		}
		return renewal;
	}

	public boolean isOverdue(LocalDate dueOn, LocalDate today) {
		return today.isAfter(dueOn);
	}
}
