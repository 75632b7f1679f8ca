package org.cocommission.authorisation;

import java.time.LocalDate;

/**
 * A condition in force whose quarterly review is overdue: due three months after its last review, or after it was
 * imposed when it has none (docs/domain-rules.md, "CCG authorisation").
 */
public record OverdueReview(long conditionId, String ccgCode, String criterionCode, LocalDate dueOn) {
}
