package org.cocommission.governance;

/** The four categories of interest (NHS England, Managing conflicts of interest: revised statutory guidance, 2016). */
public enum InterestCategory {

	FINANCIAL("Financial"), NON_FINANCIAL_PROFESSIONAL("Non-financial professional"),
	NON_FINANCIAL_PERSONAL("Non-financial personal"),
	/** A close association (spouse, relative) with someone who holds one of the other three. */
	INDIRECT("Indirect");

	private final String label;

	InterestCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
