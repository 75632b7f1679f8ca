package org.cocommission.qualitypremium.runs;

/**
 * A what-if for one CCG: one measure's outcome forced achieved or not, and/or one standard forced met or missed.
 * Computed on the fly from the official run's inputs; nothing is stored.
 */
public record WhatIf(String measureCode, Boolean measureAchieved, String standardCode, Boolean standardMet) {

	static final WhatIf NONE = new WhatIf(null, null, null, null);

	public WhatIf {
		measureCode = measureCode == null || measureCode.isBlank() ? null : measureCode.trim();
		standardCode = standardCode == null || standardCode.isBlank() ? null : standardCode.trim();
		if (measureCode != null && measureAchieved == null) {
			throw new IllegalArgumentException("Say whether measure " + measureCode + " is to be treated as achieved");
		}
		if (standardCode != null && standardMet == null) {
			throw new IllegalArgumentException("Say whether standard " + standardCode + " is to be treated as met");
		}
	}

	public boolean isEmpty() {
		return measureCode == null && standardCode == null;
	}
}
