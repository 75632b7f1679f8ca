package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A practice's primary medical care contract as the register holds it today, with its contractor's partners or
 * directors, its dated history (newest first), the commissioner responsible today and the cases still open on it.
 */
public record Contract(String practiceCode, String practiceName, ContractType contractType,
		ContractorKind contractorKind, LocalDate startDate, LocalDate endDate, Services services, Integer listSize,
		boolean dispensing, String premises, int version, List<Party> parties, List<HistoryEntry> history,
		ResponsibleCommissioner commissioner, List<ContractCase> openCases) {

	/** The services the contract covers: essential always, additional unless opted out, enhanced where commissioned. */
	public record Services(boolean essential, boolean additional, boolean enhanced) {

		public String label() {
			StringBuilder text = new StringBuilder(essential ? "Essential" : "");
			if (additional) {
				text.append(text.isEmpty() ? "Additional" : ", additional");
			}
			if (enhanced) {
				text.append(text.isEmpty() ? "Enhanced" : ", enhanced");
			}
			return text.isEmpty() ? "None recorded" : text.toString();
		}
	}

	/** A partner, director or the individual contractor, over the dates they held the role. */
	public record Party(long id, String name, String role, Long personId, LocalDate validFrom, LocalDate validTo) {

		public String roleLabel() {
			return switch (role) {
				case "PARTNER" -> "Partner";
				case "DIRECTOR" -> "Director";
				default -> "Contractor";
			};
		}
	}

	/** One change to the contract, the day it took effect, and the contract as it stood after it. */
	public record HistoryEntry(long id, LocalDate effectiveFrom, java.time.Instant recordedAt, String recordedBy,
			String change, ContractType contractType, ContractorKind contractorKind, LocalDate startDate,
			LocalDate endDate, Integer listSize, boolean dispensing) {
	}
}
