package org.cocommission.qualitypremium;

import org.cocommission.platform.InvalidInputException;

/**
 * A CCG's local measure for one slot of a year's scheme, agreed with its area team (NHS England, Quality premium
 * guidance 2013/14: local measures are agreed between the CCG and the area team).
 * Status: PROPOSED (by the CCG) → AGREED or REJECTED (by the area team, with a reason); a rejected or still proposed
 * measure may be proposed again by the CCG; an agreed one is settled.
 */
public record LocalMeasure(long id, int financialYear, String ccgCode, String slotCode, String title, String description,
		Status status, String reason, int version) {

	public enum Status {
		PROPOSED, AGREED, REJECTED
	}

	public LocalMeasure {
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("title", "Give the local measure a title");
		}
		if (description == null || description.isBlank()) {
			throw new InvalidInputException("description", "Describe the local measure and how it is judged achieved");
		}
	}

	LocalMeasure repropose(String newTitle, String newDescription) {
		if (status == Status.AGREED) {
			throw new InvalidInputException("slotCode", "Local measure " + slotCode + " of " + ccgCode + " is already agreed");
		}
		return new LocalMeasure(id, financialYear, ccgCode, slotCode, newTitle, newDescription, Status.PROPOSED, null,
				version);
	}

	LocalMeasure agree() {
		requireProposed();
		return new LocalMeasure(id, financialYear, ccgCode, slotCode, title, description, Status.AGREED, null, version);
	}

	LocalMeasure reject(String why) {
		requireProposed();
		if (why == null || why.isBlank()) {
			throw new InvalidInputException("reason", "Give the reason for rejecting the local measure");
		}
		return new LocalMeasure(id, financialYear, ccgCode, slotCode, title, description, Status.REJECTED, why.trim(),
				version);
	}

	private void requireProposed() {
		if (status != Status.PROPOSED) {
			throw new InvalidInputException("decision", "Local measure " + slotCode + " of " + ccgCode + " is " + status
					+ ", not proposed");
		}
	}
}
