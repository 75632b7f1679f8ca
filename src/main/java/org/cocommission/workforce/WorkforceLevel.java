package org.cocommission.workforce;

import java.util.Locale;

import org.cocommission.platform.InvalidInputException;

/**
 * Where a measure is made: each practice, each CCG or sub-ICB location (its practices on the month's last day), each
 * ICB (the practices of its sub-ICB locations that day, so from 1 July 2022), or England.
 */
public enum WorkforceLevel {

	PRACTICE("Practice"), CCG("CCG"), ICB("ICB"), ENGLAND("England");

	private final String label;

	WorkforceLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The level as links write it, in any case; every request parameter is read with it (WorkforceLevelConverter). */
	public static WorkforceLevel parse(String value) {
		return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
			case "practice" -> PRACTICE;
			case "ccg", "sub-icb" -> CCG;
			case "icb" -> ICB;
			case "england", "national" -> ENGLAND;
			default -> throw new InvalidInputException("level", "Choose a level: practice, ccg, icb or england");
		};
	}
}
