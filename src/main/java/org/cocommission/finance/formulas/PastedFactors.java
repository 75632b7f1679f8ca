package org.cocommission.finance.formulas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.cocommission.finance.CcgFactor;
import org.cocommission.finance.globalsum.PracticeFactor;
import org.cocommission.platform.InvalidInputException;

/**
 * Indices pasted from a spreadsheet onto a draft formula's page, one organisation a line, values separated by commas
 * or tabs (blank lines and a header line starting "code" skipped). The whole table is read or refused, every bad or
 * repeated line named (the first ten) on the form's one field.
 */
final class PastedFactors {

	/** Per-CCG indices: {@code code,additional need,market forces factor,inequality index}. */
	record CcgFactorsForm(String factors) {

		List<CcgFactor> rows() {
			return read(factors, new Table<>("factors", "CCG",
					"code, additional need, market forces factor, inequality index",
					cells -> new CcgFactor(cells[0], decimal(cells[1], "The additional need"),
							decimal(cells[2], "The market forces factor"), decimal(cells[3], "The inequality index")),
					CcgFactor::ccgCode));
		}
	}

	/**
	 * Per-practice global sum indices: {@code code,additional needs,list turnover,market forces factor,rurality,nursing
	 * home patients}.
	 */
	record PracticeFactorsForm(String practiceFactors) {

		List<PracticeFactor> rows() {
			return read(practiceFactors, new Table<>("practiceFactors", "practice",
					"code, additional needs, list turnover, market forces factor, rurality, nursing home patients",
					cells -> {
						BigDecimal patients = decimal(cells[5], "The number of nursing home patients");
						if (patients.stripTrailingZeros().scale() > 0) {
							throw new IllegalArgumentException(
									"The number of nursing home patients must be a whole number");
						}
						return new PracticeFactor(cells[0], decimal(cells[1], "The additional needs index"),
								decimal(cells[2], "The list turnover index"), decimal(cells[3], "The market forces factor"),
								decimal(cells[4], "The rurality index"), patients.longValueExact());
					}, PracticeFactor::practiceCode));
		}
	}

	/** A pasted table: its form field, what each line is, its columns and how a line reads. */
	private record Table<T>(String field, String organisation, String columns, Function<String[], T> row,
			Function<T, String> code) {

		int width() {
			return columns.split(",").length;
		}
	}

	private PastedFactors() {
	}

	private static <T> List<T> read(String text, Table<T> table) {
		List<T> values = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty() || line.toLowerCase().startsWith("code")) {
				continue;
			}
			String[] cells = line.split("[,\\t]");
			if (cells.length != table.width()) {
				problems.add("Line " + (i + 1) + " needs " + table.width() + " values (" + table.columns() + "), not "
						+ cells.length);
				continue;
			}
			cells[0] = cells[0].trim().toUpperCase();
			try {
				T value = table.row().apply(cells);
				values.add(value);
				if (!seen.add(table.code().apply(value))) {
					problems.add("Line " + (i + 1) + ": " + table.organisation() + " " + cells[0] + " appears twice");
				}
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				problems.add("Line " + (i + 1) + ": " + ex.getMessage());
			}
		}
		if (problems.size() > 10) {
			int more = problems.size() - 10;
			problems = new ArrayList<>(problems.subList(0, 10));
			problems.add("and " + more + " more problems");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(table.field(), String.join("; ", problems));
		}
		return values;
	}

	private static BigDecimal decimal(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		try {
			return new BigDecimal(text.trim().replace(",", "").replace("%", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(what + " must be a number, not '" + text + "'");
		}
	}
}
