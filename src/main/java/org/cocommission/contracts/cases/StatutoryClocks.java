package org.cocommission.contracts.cases;

import java.time.LocalDate;
import java.util.Optional;

import org.cocommission.contracts.CaseKind;
import org.cocommission.platform.InvalidInputException;

/**
 * The statutory clocks and limits of contract changes (docs/domain-rules.md, GP contracts, "Cases and their clocks").
 * Every period is in calendar days: weekends and bank holidays do not stop a clock (the regulations count days, not
 * working days).
 */
public final class StatutoryClocks {

	/** List closure: the application is acknowledged within 7 days of receipt (SI 2015/1862 Sch 3 Pt 3). */
	public static final int ACKNOWLEDGE_DAYS = 7;

	/** List closure: decided within 21 days of receipt. */
	public static final int DECIDE_DAYS = 21;

	/** List closure: after a refusal, no new application for 3 months unless circumstances change. */
	public static final int REFUSAL_BAR_MONTHS = 3;

	/** List closure: an extension is asked for at least 8 weeks before the closure ends. */
	public static final int EXTENSION_NOTICE_DAYS = 56;

	/** Remedial notice: at least 28 days to remedy the breach. */
	public static final int REMEDY_DAYS = 28;

	/** APMS contracts ending within 12 months are flagged for a decision on re-procuring, extending or dispersing. */
	public static final int APMS_EXPIRY_MONTHS = 12;

	private StatutoryClocks() {
	}

	/** The day the application must be acknowledged by: a list closure only. */
	public static Optional<LocalDate> acknowledgeBy(CaseKind kind, LocalDate received) {
		return kind == CaseKind.LIST_CLOSURE ? Optional.of(received.plusDays(ACKNOWLEDGE_DAYS)) : Optional.empty();
	}

	/**
	 * The day a decision is due: 21 days after receipt for a list closure; the effective date for a merger, variation
	 * or termination; the contract's end for an APMS expiry; the remedy date for a remedial notice.
	 */
	public static Optional<LocalDate> decideBy(CaseKind kind, LocalDate received, LocalDate effective,
			LocalDate remedyBy, LocalDate contractEnd) {
		return Optional.ofNullable(switch (kind) {
			case LIST_CLOSURE -> received.plusDays(DECIDE_DAYS);
			case MERGER, VARIATION, TERMINATION -> effective;
			case APMS_EXPIRY -> contractEnd;
			case REMEDIAL_NOTICE -> remedyBy;
			case BREACH_NOTICE, PMS_REVIEW -> null;
		});
	}

	/** A list closure lasts from 3 to 12 months: its last day is at least 3 months less a day after its first, at most 12. */
	public static void checkClosurePeriod(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("startsOn", "Enter the first day of the closure");
		}
		if (to == null) {
			throw new InvalidInputException("endsOn", "Enter the last day of the closure");
		}
		if (to.isBefore(from.plusMonths(3).minusDays(1)) || to.isAfter(from.plusMonths(12).minusDays(1))) {
			throw new InvalidInputException("endsOn", "A list closure lasts from 3 to 12 months");
		}
	}

	/** The first day a new list closure application may be made after a refusal on {@code refusedOn}. */
	public static LocalDate nextApplicationFrom(LocalDate refusedOn) {
		return refusedOn.plusMonths(REFUSAL_BAR_MONTHS);
	}

	/** The last day an extension of a closure ending on {@code lastDay} may be asked for. */
	public static LocalDate askExtensionBy(LocalDate lastDay) {
		return lastDay.minusDays(EXTENSION_NOTICE_DAYS);
	}

	/** The earliest remedy date a remedial notice served on {@code served} may give. */
	public static LocalDate earliestRemedy(LocalDate served) {
		return served.plusDays(REMEDY_DAYS);
	}

	/** Whether an APMS contract ending on {@code end} is within 12 months of {@code today} (and not ended). */
	public static boolean apmsExpiring(LocalDate end, LocalDate today) {
		return end != null && !end.isBefore(today) && !end.isAfter(today.plusMonths(APMS_EXPIRY_MONTHS));
	}
}
