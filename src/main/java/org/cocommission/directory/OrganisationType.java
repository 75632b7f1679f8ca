package org.cocommission.directory;

/** The kinds of organisation in the directory, from the top of the hierarchy down. */
public enum OrganisationType {

	NHS_ENGLAND("NHS England"),
	REGION("Region"),
	AREA_TEAM("Area team"),
	CCG("Clinical commissioning group"),
	CSU("Commissioning support unit"),
	GP_PRACTICE("GP practice");

	private final String label;

	OrganisationType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
