package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;

/** Registered patients by 5-year age band and sex at one extract, youngest band first. */
public record PopulationPyramid(String code, LocalDate extractDate, List<Band> bands, long male, long female) {

	public record Band(String ageBand, long male, long female) {
	}
}
