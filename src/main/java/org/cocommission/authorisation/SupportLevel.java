package org.cocommission.authorisation;

/**
 * The support a condition comes with, I the lightest to IV the heaviest; only level IV can be backed by legal
 * directions (docs/domain-rules.md, "CCG authorisation").
 */
public enum SupportLevel {

	I(1, "Level I: a model document or toolkit"), II(2, "Level II: support from the Board"),
	III(3, "Level III: decisions signed off by the Board"),
	IV(4, "Level IV: a team or person supplied by the Board");

	private final int number;

	private final String label;

	SupportLevel(int number, String label) {
		this.number = number;
		this.label = label;
	}

	public int number() {
		return number;
	}

	public String label() {
		return label;
	}

	public boolean allowsDirections() {
		return this == IV;
	}

	public static SupportLevel of(int number) {
		for (SupportLevel level : values()) {
			if (level.number == number) {
				return level;
			}
		}
		throw new IllegalArgumentException("No support level " + number);
	}
}
