package org.cocommission.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether the whole country is covered by CCGs on {@code date}: every open GP practice in exactly one CCG (or sub-ICB
 * location), every CCG in one area team (2013-2015) or ICB (from 1 July 2022) when the directory holds that tier on
 * the date. {@code ccgs} counts the CCGs or sub-ICB locations with at least one member practice open that day.
 * {@code populationCoveredPercent} is the share of the registered list (latest extract on or before the date) in
 * practices with exactly one CCG, null when no list size is known.
 */
public record Coverage(LocalDate date, int practicesOpen, int practicesCovered, List<String> practicesWithoutCcg,
		List<String> practicesInSeveralCcgs, int ccgs, BigDecimal populationCoveredPercent,
		List<String> ccgsWithoutAreaTeam, List<String> ccgsInSeveralAreaTeams) {

	/** The share of open practices in exactly one CCG, to 2 decimals; null when no practice is open. */
	public BigDecimal practicesCoveredPercent() {
		return practicesOpen == 0 ? null
				: BigDecimal.valueOf(practicesCovered * 100L)
					.divide(BigDecimal.valueOf(practicesOpen), 2, java.math.RoundingMode.HALF_UP);
	}

	public boolean complete() {
		return practicesWithoutCcg.isEmpty() && practicesInSeveralCcgs.isEmpty() && ccgsWithoutAreaTeam.isEmpty()
				&& ccgsInSeveralAreaTeams.isEmpty();
	}
}
