package org.cocommission.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract change handled as a case: what, for which practice (and, for a merger, the practice that closes), its
 * dates and clocks, where it stands, the decision and who took it, its history and documents.
 */
public record ContractCase(long id, String practiceCode, CaseKind kind, CaseStatus status, String title,
		LocalDate receivedOn, String owner, String otherPracticeCode, LocalDate startsOn, LocalDate endsOn,
		LocalDate remedyBy, boolean circumstancesChanged, String details, LocalDate acknowledgeBy, LocalDate decideBy,
		LocalDate acknowledgedOn, LocalDate decidedOn, String decision, String decidedBy, String decidingOrg,
		Long meetingId, Long itemId, int version, List<Event> history, List<Document> documents) {

	/** One move of the case, oldest first. */
	public record Event(long id, Instant at, String actor, CaseStatus statusFrom, CaseStatus statusTo, String note) {
	}

	/** A document attached to the case (its content is fetched separately). */
	public record Document(long id, String fileName, String contentType, int sizeBytes, String uploadedBy,
			Instant uploadedAt) {
	}

	/** Whether a clock has run out on {@code today} while the case is open. */
	public boolean overdue(LocalDate today) {
		return status.isOpen() && ((decideBy != null && today.isAfter(decideBy))
				|| (acknowledgeBy != null && acknowledgedOn == null && status == CaseStatus.RECEIVED
						&& today.isAfter(acknowledgeBy)));
	}
}
