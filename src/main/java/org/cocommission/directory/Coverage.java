package org.cocommission.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether the whole country is covered by CCGs on {@code date}: every open GP practice in exactly one CCG, every
 * CCG in one area team. {@code populationCoveredPercent} is the share of the registered list (latest extract on or
 * before the date) in practices with exactly one CCG; null when no list size is known.
 */
public record Coverage(LocalDate date, int practicesOpen, int practicesCovered, List<String> practicesWithoutCcg,
		List<String> practicesInSeveralCcgs, int ccgs, BigDecimal populationCoveredPercent,
		List<String> ccgsWithoutAreaTeam, List<String> ccgsInSeveralAreaTeams) {

	public boolean complete() {
		return practicesWithoutCcg.isEmpty() && practicesInSeveralCcgs.isEmpty() && ccgsWithoutAreaTeam.isEmpty()
				&& ccgsInSeveralAreaTeams.isEmpty();
	}
}
