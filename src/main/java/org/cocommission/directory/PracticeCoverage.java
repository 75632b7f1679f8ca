package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;

/** One GP practice open on a date, the CCGs it belonged to then, and its latest registered list on or before it. */
public record PracticeCoverage(String code, String name, String postcode, List<String> ccgCodes, Long patients,
		LocalDate listExtract) {

	public int ccgs() {
		return ccgCodes.size();
	}

	long patientsOrZero() {
		return patients == null ? 0 : patients;
	}

	public String coverage() {
		return ccgs() == 0 ? "No CCG" : ccgs() == 1 ? "Covered" : "Several CCGs";
	}
}
