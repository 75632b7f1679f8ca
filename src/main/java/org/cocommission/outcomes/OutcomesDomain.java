package org.cocommission.outcomes;

import java.util.Arrays;

/**
 * The five NHS Outcomes Framework domains the CCG Outcomes Indicator Set follows, and a sixth for the capacity of
 * general practice, which indicators supplied by other modules (the workforce's staff ratios) sit in
 * (docs/domain-rules.md#outcomes).
 */
public enum OutcomesDomain {

	PREVENTING_PREMATURE_DEATH(1, "Preventing people from dying prematurely"),
	LONG_TERM_CONDITIONS(2, "Enhancing quality of life for people with long-term conditions"),
	RECOVERY(3, "Helping people to recover from episodes of ill health or following injury"),
	EXPERIENCE(4, "Ensuring that people have a positive experience of care"),
	SAFETY(5, "Treating and caring for people in a safe environment and protecting them from avoidable harm"),
	CAPACITY(6, "The capacity of general practice: its staff against its population");

	private final int number;

	private final String label;

	OutcomesDomain(int number, String label) {
		this.number = number;
		this.label = label;
	}

	public int number() {
		return number;
	}

	public String label() {
		return label;
	}

	public static OutcomesDomain of(int number) {
		return Arrays.stream(values())
			.filter(domain -> domain.number == number)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No outcomes domain " + number));
	}
}
