package org.cocommission.directory;

import java.time.LocalDate;

/** The headline figures of the home page; {@code ccgs} counts the CCGs and sub-ICB locations open today. */
public record NationalSummary(long regions, long areaTeams, long ccgs, long openPractices, long otherSettings,
		long csus, long registeredPatients, LocalDate latestExtract, boolean synthetic) {
}
