package org.cocommission.contracts;

import java.time.LocalDate;

/** One line of the register. */
public record ContractSummary(String practiceCode, String practiceName, ContractType contractType,
		ContractorKind contractorKind, LocalDate startDate, LocalDate endDate, Integer listSize, boolean dispensing) {
}
