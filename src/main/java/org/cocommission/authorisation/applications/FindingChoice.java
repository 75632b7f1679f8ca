package org.cocommission.authorisation.applications;

import org.cocommission.authorisation.SupportLevel;


/** The panel's finding on one criterion: met, or not met and a condition with its support (and directions). */
public enum FindingChoice {

	MET("Met", null, false), LEVEL_I("Not met: condition with level I support (a model document or toolkit)",
			SupportLevel.I, false),
	LEVEL_II("Not met: condition with level II support (support from the Board)", SupportLevel.II, false),
	LEVEL_III("Not met: condition with level III support (decisions signed off by the Board)", SupportLevel.III,
			false),
	LEVEL_IV("Not met: condition with level IV support (a team or person supplied)", SupportLevel.IV, false),
	LEVEL_IV_DIRECTIONS("Not met: level IV support backed by legal directions", SupportLevel.IV, true);

	private final String label;

	private final SupportLevel supportLevel;

	private final boolean directions;

	FindingChoice(String label, SupportLevel supportLevel, boolean directions) {
		this.label = label;
		this.supportLevel = supportLevel;
		this.directions = directions;
	}

	public String label() {
		return label;
	}

	public SupportLevel supportLevel() {
		return supportLevel;
	}

	public boolean directions() {
		return directions;
	}

	public boolean met() {
		return this == MET;
	}
}
