package org.cocommission.contracts;

import java.time.LocalDate;

/** A change to a contract's recorded details, effective from a date; {@code version} is the one the change was made on. */
public record ContractAmendment(ContractType contractType, ContractorKind contractorKind, LocalDate startDate,
		LocalDate endDate, boolean additional, boolean enhanced, boolean dispensing, String premises,
		LocalDate effectiveFrom, String reason, int version) {
}
