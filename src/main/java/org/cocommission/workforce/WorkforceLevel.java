package org.cocommission.workforce;

import java.util.Locale;

/** Where a measure is made: each practice, each CCG (its member practices on the month's last day), or England. */
public enum WorkforceLevel {

	PRACTICE("Practice"), CCG("CCG"), ENGLAND("England");

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
}
