package org.cocommission.cocommissioning;

/**
 * The three levels of primary care co-commissioning a CCG may take on. Source: NHS England, Next steps towards primary
 * care co-commissioning (2014); docs/domain-rules.md#co-commissioning.
 */
public enum CommissioningLevel {

	/** Greater involvement in NHS England's decisions: no new governance, no approval process. */
	GREATER_INVOLVEMENT("Greater involvement", false),
	/** A joint committee of the CCG and its area team. */
	JOINT("Joint commissioning", true),
	/** Delegated under s.13Z NHS Act 2006: the CCG's committee decides; NHS England keeps liability. */
	DELEGATED("Delegated commissioning", true);

	private final String label;

	private final boolean needsCommittee;

	CommissioningLevel(String label, boolean needsCommittee) {
		this.label = label;
		this.needsCommittee = needsCommittee;
	}

	public String label() {
		return label;
	}

	/** Joint and delegated decisions are taken by a primary care commissioning committee under the governance rules. */
	public boolean needsCommittee() {
		return needsCommittee;
	}
}
