package org.cocommission.contracts;

/** The level payments are totalled at, as the file names each practice's organisations that year. */
public enum PaymentLevel {

	PRACTICE("Practice"),
	CCG("CCG or sub-ICB location"),
	/** The file's "NHS England (Region)" column: the area team in 2014/15 and 2015/16, a region later. */
	AREA("Area team or region"),
	ENGLAND("England");

	private final String label;

	PaymentLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
