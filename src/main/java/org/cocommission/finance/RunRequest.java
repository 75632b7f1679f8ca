package org.cocommission.finance;

import java.time.LocalDate;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/**
 * An allocation run to make: for a financial year and programme, with a published formula, the registered lists of an
 * extract (null: the latest by age and sex on or before the year starts), the envelope, the specialised envelope held
 * nationally (shown in the population view) and the pace-of-change policy.
 */
public record RunRequest(String name, FinancialYear year, Programme programme, long formulaId, LocalDate extractDate,
		Money envelope, Money specialisedEnvelope, PaceOfChange pace) {

	public RunRequest {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A run needs a name");
		}
		if (year == null || programme == null || pace == null) {
			throw new IllegalArgumentException("A run needs a financial year, a programme and a pace-of-change policy");
		}
		if (envelope == null || envelope.signum() <= 0) {
			throw new IllegalArgumentException("The envelope must be a positive amount"
					+ (envelope == null ? "" : ", not " + envelope.formatted()));
		}
		if (specialisedEnvelope == null) {
			specialisedEnvelope = Money.ZERO;
		}
		if (specialisedEnvelope.isNegative()) {
			throw new IllegalArgumentException("The specialised envelope cannot be negative");
		}
	}
}
