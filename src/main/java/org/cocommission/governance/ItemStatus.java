package org.cocommission.governance;

import java.util.Set;

import org.cocommission.platform.InvalidInputException;

/**
 * An agenda item's workflow: OPEN until the meeting records an outcome; a decision item that is quorate after
 * exclusions is APPROVED or REJECTED (or DEFERRED); one that is not quorate can only be DEFERRED or REFERRED to another
 * named committee; discussion and information items are NOTED. Outcomes are final (append-only history).
 */
public enum ItemStatus {

	OPEN("Open"), APPROVED("Approved"), REJECTED("Rejected"), DEFERRED("Deferred"), REFERRED("Referred"),
	NOTED("Noted");

	private final String label;

	ItemStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The one transition out of OPEN. When exclusions leave a meeting inquorate the decision is deferred or referred
	 * (docs/domain-rules.md#quoracy).
	 */
	public ItemStatus close(ItemStatus outcome, ItemKind kind, boolean quorate, String referredTo) {
		if (this != OPEN) {
			throw new IllegalArgumentException("This item is already " + label.toLowerCase() + "; its outcome is final");
		}
		if (outcome == null || outcome == OPEN) {
			throw new InvalidInputException("outcome", "Choose an outcome");
		}
		if (outcome == REFERRED && (referredTo == null || referredTo.isBlank())) {
			throw new InvalidInputException("referredTo", "Name the committee or panel the item is referred to");
		}
		if (kind != ItemKind.DECISION) {
			if (outcome != NOTED && outcome != DEFERRED) {
				throw new InvalidInputException("outcome", "A " + kind.name().toLowerCase() + " item can only be noted or deferred");
			}
			return outcome;
		}
		if (outcome == NOTED) {
			throw new InvalidInputException("outcome", "A decision item needs a decision, a deferral or a referral");
		}
		if (!quorate && !Set.of(DEFERRED, REFERRED).contains(outcome)) {
			throw new InvalidInputException("outcome",
					"The meeting is not quorate for this item after exclusions: it can only be deferred or referred to another named committee");
		}
		return outcome;
	}
}
