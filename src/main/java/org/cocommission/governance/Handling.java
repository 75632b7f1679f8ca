package org.cocommission.governance;

/** How the chair manages a conflicted member on an item, weakest first. */
public enum Handling {

	/** Noted in the minutes; the member takes full part. */
	DECLARE_ONLY("Declare only"),
	/** Stays for the discussion but takes no part in the decision. */
	MAY_NOT_VOTE("May stay for the discussion, may not vote"),
	/** Leaves the room for the item and takes no part in discussion or decision. */
	LEAVE_FOR_ITEM("Leave for the item, may not vote");

	private final String label;

	Handling(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean mayVote() {
		return this == DECLARE_ONLY;
	}

	public Handling strongest(Handling other) {
		return other != null && other.ordinal() > ordinal() ? other : this;
	}
}
