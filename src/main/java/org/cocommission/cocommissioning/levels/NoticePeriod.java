package org.cocommission.cocommissioning.levels;

import java.time.LocalDate;
import java.time.Month;

/**
 * Ending delegation: "A CCG may end delegation by notice by 30 September, effective the next 1 April"
 * (docs/domain-rules.md#co-commissioning). Notice on or before 30 September takes effect on the following 1 April;
 * later notice misses that year.
 */
public final class NoticePeriod {

	private NoticePeriod() {
	}

	/** The 1 April on which delegation ends for notice given on {@code givenOn}. */
	public static LocalDate effectiveOn(LocalDate givenOn) {
		LocalDate lastDayForNextApril = LocalDate.of(givenOn.getYear(), Month.SEPTEMBER, 30);
		int year = givenOn.isAfter(lastDayForNextApril) ? givenOn.getYear() + 2 : givenOn.getYear() + 1;
		return LocalDate.of(year, Month.APRIL, 1);
	}
}
