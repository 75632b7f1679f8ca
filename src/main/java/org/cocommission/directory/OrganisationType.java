package org.cocommission.directory;

/**
 * The kinds of organisation in the directory, from the top of the hierarchy down. An organisation's stored type is
 * its level: the CCG level holds CCGs and, from 1 July 2022, sub-ICB locations, which kept their CCG's code and
 * history ({@link Directory#typeOn} says which one an organisation was on a day). Integrated care boards (ICBs) sit
 * above the CCG level from 1 July 2022, as area teams did from 2013 (docs/domain-rules.md, "The dated national
 * structure").
 */
public enum OrganisationType {

	NHS_ENGLAND("NHS England"),
	REGION("Region"),
	AREA_TEAM("Area team"),
	ICB("Integrated care board"),
	CCG("Clinical commissioning group"),
	/** A CCG's code and area from 1 July 2022: a part of an ICB, not a legal body. Never a stored type. */
	SUB_ICB_LOCATION("Sub-ICB location"),
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
