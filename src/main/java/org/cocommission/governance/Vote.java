package org.cocommission.governance;

/** A voting member's vote on a decision item. */
public enum Vote {
	FOR, AGAINST, ABSTAIN
}
