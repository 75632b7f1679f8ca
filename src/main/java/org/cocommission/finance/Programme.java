package org.cocommission.finance;

/** Allocation programmes allocated to CCGs; specialised services are held nationally and are not allocated. */
public enum Programme {

	CORE_CCG("Core CCG services"), PRIMARY_CARE_MEDICAL("Primary care medical");

	private final String label;

	Programme(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
