package org.cocommission.commissioningsupport;

/** Where a call-off stands: open for bids and evaluation, then awarded (with a standstill before the contract). */
public enum CallOffStatus {

	OPEN("Open: bids and evaluation"), AWARDED("Awarded");

	private final String label;

	CallOffStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
