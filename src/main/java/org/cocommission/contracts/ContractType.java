package org.cocommission.contracts;

import java.util.Locale;

/** The form of a practice's primary medical care contract (see docs/domain-rules.md, GP contracts). */
public enum ContractType {

	/** General Medical Services: the national contract; subsists until terminated. */
	GMS("GMS"),
	/** Personal Medical Services: agreed locally. */
	PMS("PMS"),
	/** Alternative Provider Medical Services: time-limited and procured. */
	APMS("APMS"),
	/** Anything else the publisher shows (unknown, blank, other). */
	OTHER("Other or unknown");

	private final String label;

	ContractType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The register's type for a contract type as NHS Digital publishes it ({@code GMS}, {@code PMS}, ...). */
	public static ContractType ofPublished(String text) {
		String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
		return switch (value) {
			case "GMS" -> GMS;
			case "PMS" -> PMS;
			case "APMS" -> APMS;
			default -> OTHER;
		};
	}
}
