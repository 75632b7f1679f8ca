package org.cocommission.platform;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An NHS financial year, 1 April to 31 March, written {@code 2013/14}. Bound as a type wherever a request names one:
 * parameters and form fields by {@link FinancialYearConverter}, JSON bodies by {@link FinancialYearJson}.
 */
@JsonDeserialize(using = FinancialYearJson.class)
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})[/-](\\d{2}|\\d{4})");

	public FinancialYear {
		if (startYear < 1948 || startYear > 2200) {
			throw new IllegalArgumentException(startYear + " is not a plausible NHS financial year");
		}
	}

	/** Reads {@code 2013/14}, {@code 2013-14} or {@code 2013/2014}. */
	public static FinancialYear parse(String text) {
		Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a financial year such as 2013/14");
		}
		int start = Integer.parseInt(matcher.group(1));
		int end = Integer.parseInt(matcher.group(2));
		if (end % 100 != (start + 1) % 100 || (matcher.group(2).length() == 4 && end != start + 1)) {
			throw new IllegalArgumentException("'" + text + "' is not a financial year: the years must follow each other");
		}
		return new FinancialYear(start);
	}

	public static FinancialYear containing(LocalDate date) {
		return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(startYear, Month.APRIL, 1);
	}

	public LocalDate lastDay() {
		return LocalDate.of(startYear + 1, Month.MARCH, 31);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
	}

	public FinancialYear next() {
		return new FinancialYear(startYear + 1);
	}

	public FinancialYear previous() {
		return new FinancialYear(startYear - 1);
	}

	@Override
	public int compareTo(FinancialYear other) {
		return Integer.compare(startYear, other.startYear);
	}

	@Override
	public String toString() {
		return "%d/%02d".formatted(startYear, (startYear + 1) % 100);
	}
}
