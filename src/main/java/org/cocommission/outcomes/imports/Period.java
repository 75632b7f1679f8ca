package org.cocommission.outcomes.imports;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as written in the files: a month {@code YYYY-MM}, a calendar quarter {@code YYYY-Qn} (Q1 is
 * January to March) or a financial year {@code YYYY/YY} (April to March). {@code listDate} is the start of the quarter
 * holding the period's middle: the registered list used where the denominator is the population.
 */
public record Period(String code, Kind kind, LocalDate starts, LocalDate ends, LocalDate listDate) {

	public enum Kind {
		MONTH, QUARTER, YEAR
	}

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

	public Period {
		if (code == null || kind == null || starts == null || ends == null || listDate == null || ends.isBefore(starts)) {
			throw new IllegalArgumentException("A period needs a code, a kind and dates in order");
		}
	}

	/**
	 * The day a practice's observation is attributed on: the period's last day (31 March for a financial year, the
	 * month's last day for a month). docs/domain-rules.md#outcomes, "Attribution".
	 */
	public LocalDate referenceDate() {
		return ends;
	}

	/** Parses a period code; throws IllegalArgumentException saying what is expected. */
	public static Period parse(String text) {
		String code = text == null ? "" : text.trim();
		Matcher month = MONTH.matcher(code);
		if (month.matches()) {
			int number = Integer.parseInt(month.group(2));
			if (number < 1 || number > 12) {
				throw invalid(code);
			}
			LocalDate starts = LocalDate.of(Integer.parseInt(month.group(1)), number, 1);
			return new Period(code, Kind.MONTH, starts, starts.plusMonths(1).minusDays(1), quarterStart(starts));
		}
		Matcher quarter = QUARTER.matcher(code);
		if (quarter.matches()) {
			LocalDate starts = LocalDate.of(Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2, 1);
			return new Period(code, Kind.QUARTER, starts, starts.plusMonths(3).minusDays(1), starts);
		}
		Matcher year = YEAR.matcher(code);
		if (year.matches()) {
			int first = Integer.parseInt(year.group(1));
			if ((first + 1) % 100 != Integer.parseInt(year.group(2))) {
				throw new IllegalArgumentException("period '" + code + "' is not a financial year such as 2019/20");
			}
			LocalDate starts = LocalDate.of(first, 4, 1);
			return new Period(code, Kind.YEAR, starts, starts.plusYears(1).minusDays(1), LocalDate.of(first, 10, 1));
		}
		throw invalid(code);
	}

	private static IllegalArgumentException invalid(String code) {
		return new IllegalArgumentException("period '" + code + "' is not YYYY-MM, YYYY-Qn or YYYY/YY");
	}

	private static LocalDate quarterStart(LocalDate date) {
		return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
	}
}
