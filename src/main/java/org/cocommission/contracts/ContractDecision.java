package org.cocommission.contracts;

import java.time.LocalDate;

/** A decided contract change, as the public register of contract decisions shows it. */
public record ContractDecision(long caseId, String practiceCode, String practiceName, CaseKind kind, String title,
		CaseStatus outcome, LocalDate decidedOn, String decision, String decidedBy) {
}
