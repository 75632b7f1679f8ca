package org.cocommission.outcomes;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads one file, row by row, into a {@link Sink}: checks what a single row can show (columns, period, numbers,
 * negative counts) and leaves what needs more than the row (organisations, indicators, duplicates) to the sink.
 */
final class ObservationFileReader {

	static final List<String> LONG_HEADER = List.of("ORG_CODE", "INDICATOR_ID", "PERIOD", "NUMERATOR", "DENOMINATOR");

	static final List<String> QOF_HEADER = List.of("PRACTICE_CODE", "GROUP_CODE", "REGISTER", "PATIENT_LIST_TYPE",
			"PATIENT_LIST_SIZE");

	private static final int PROGRESS_EVERY = 100_000;

	private static final java.util.regex.Pattern GROUP_CODE = java.util.regex.Pattern.compile("[A-Z0-9]{1,20}");

	/** What reading found: rows, rows skipped on purpose, row errors, periods and QOF groups seen. */
	static final class Outcome {

		long rowsRead;

		long skipped;

		final List<ImportError> errors = new ArrayList<>();

		long errorCount;

		final Map<String, Period> periods = new HashMap<>();

		final TreeSet<String> qofGroups = new TreeSet<>();

		void error(long row, String message) {
			errorCount++;
			if (errors.size() < ObservationImportReport.MAX_ERRORS) {
				errors.add(new ImportError(row, message));
			}
		}
	}

	/** Where rows that pass the row checks go. */
	interface Sink {

		void observation(long row, String org, String indicator, Period period, double numerator, Double denominator);

		void attribute(long row, String org, String attribute, double value);
	}

	private final Sink staging;

	private final LongConsumer progress;

	private final Map<Integer, String> fingertipsIndicators;

	private final Map<Integer, String> fingertipsAttributes;

	private final Outcome outcome = new Outcome();

	ObservationFileReader(Sink staging, LongConsumer progress, Map<Integer, String> fingertipsIndicators,
			Map<Integer, String> fingertipsAttributes) {
		this.staging = staging;
		this.progress = progress;
		this.fingertipsIndicators = fingertipsIndicators;
		this.fingertipsAttributes = fingertipsAttributes;
	}

	Outcome read(ImportFormat format, InputStream content, String qofPeriod) {
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.detectBomHeader(true)
			.ofCsvRecord(new InputStreamReader(content, StandardCharsets.UTF_8))) {
			Map<String, Integer> columns = null;
			for (CsvRecord record : reader) {
				long line = record.getStartingLineNumber();
				if (columns == null) {
					columns = header(format, record, line);
					if (columns == null) {
						break;
					}
					continue;
				}
				outcome.rowsRead++;
				if (outcome.rowsRead % PROGRESS_EVERY == 0) {
					progress.accept(outcome.rowsRead);
				}
				try {
					switch (format) {
						case LONG -> longRow(record, line);
						case QOF_PREVALENCE -> qofRow(record, line, qofPeriod);
						case FINGERTIPS -> fingertipsRow(record, line, columns);
					}
				}
				catch (IllegalArgumentException ex) {
					outcome.error(line, ex.getMessage());
				}
			}
			if (columns == null && outcome.errors.isEmpty()) {
				outcome.error(1, "the file is empty");
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Could not read the file", ex);
		}
		return outcome;
	}

	private Map<String, Integer> header(ImportFormat format, CsvRecord record, long line) {
		List<String> names = record.getFields().stream().map(String::trim).toList();
		List<String> expected = switch (format) {
			case LONG -> LONG_HEADER;
			case QOF_PREVALENCE -> QOF_HEADER;
			case FINGERTIPS -> List.of("Indicator ID", "Area Code", "Area Type", "Time period", "Value", "Count",
					"Denominator");
		};
		Map<String, Integer> columns = new HashMap<>();
		for (int index = 0; index < names.size(); index++) {
			columns.putIfAbsent(format == ImportFormat.FINGERTIPS ? names.get(index) : names.get(index).toUpperCase(Locale.ROOT), index);
		}
		boolean matches = format == ImportFormat.FINGERTIPS ? columns.keySet().containsAll(expected)
				: names.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList().equals(expected);
		if (!matches) {
			outcome.error(line, (format == ImportFormat.FINGERTIPS ? "the header must include " : "the header must be ")
					+ String.join(",", expected));
			return null;
		}
		return columns;
	}

	private void longRow(CsvRecord record, long line) {
		requireFields(record, LONG_HEADER.size());
		String org = code(record.getField(0), "ORG_CODE");
		String indicator = record.getField(1).trim();
		if (indicator.isEmpty() || indicator.length() > 40) {
			throw new IllegalArgumentException("INDICATOR_ID is missing or longer than 40 characters");
		}
		Period period = period(record.getField(2));
		double numerator = count(record.getField(3), "NUMERATOR");
		Double denominator = optionalCount(record.getField(4), "DENOMINATOR");
		staging.observation(line, org, indicator, period, numerator, denominator);
	}

	private void qofRow(CsvRecord record, long line, String qofPeriod) {
		requireFields(record, QOF_HEADER.size());
		String org = code(record.getField(0), "PRACTICE_CODE");
		String group = record.getField(1).trim().toUpperCase(Locale.ROOT);
		if (!GROUP_CODE.matcher(group).matches()) {
			throw new IllegalArgumentException("GROUP_CODE '" + record.getField(1) + "' is not a QOF group code");
		}
		outcome.qofGroups.add(group);
		Period period = period(qofPeriod);
		double register = count(record.getField(2), "REGISTER");
		double listSize = count(record.getField(4), "PATIENT_LIST_SIZE");
		staging.observation(line, org, "QOF-" + group, period, register, listSize);
	}

	private void fingertipsRow(CsvRecord record, long line, Map<String, Integer> columns) {
		String areaType = field(record, columns, "Area Type");
		String areaCode = field(record, columns, "Area Code").toUpperCase(Locale.ROOT);
		boolean practice = areaType.equalsIgnoreCase("GP");
		boolean ccg = areaType.toUpperCase(Locale.ROOT).startsWith("CCG") && areaCode.matches("[0-9A-Z]{3}");
		if (!practice && !ccg) {
			// England, regions and other geographies: CoCommission computes these itself from the practices.
			outcome.skipped++;
			return;
		}
		int fingertipsId;
		try {
			fingertipsId = Integer.parseInt(field(record, columns, "Indicator ID"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Indicator ID '" + field(record, columns, "Indicator ID") + "' is not a number");
		}
		String count = field(record, columns, "Count");
		String denominator = field(record, columns, "Denominator");
		if (count.isEmpty() && denominator.isEmpty()) {
			String attribute = fingertipsAttributes.get(fingertipsId);
			if (attribute == null) {
				throw new IllegalArgumentException("Fingertips indicator " + fingertipsId
						+ " has no count and denominator and is not a context attribute CoCommission uses");
			}
			staging.attribute(line, code(areaCode, "Area Code"), attribute, number(field(record, columns, "Value"), "Value"));
			return;
		}
		String indicator = fingertipsIndicators.get(fingertipsId);
		if (indicator == null) {
			throw new IllegalArgumentException("unknown indicator: no indicator has Fingertips id " + fingertipsId);
		}
		Period period = period(field(record, columns, "Time period"));
		staging.observation(line, code(areaCode, "Area Code"), indicator, period, count(count, "Count"),
				optionalCount(denominator, "Denominator"));
	}

	/** Periods repeat on every row: each distinct text is parsed once. */
	private Period period(String text) {
		Period known = outcome.periods.get(text);
		if (known != null) {
			return known;
		}
		Period period = Period.parse(text);
		outcome.periods.put(text, period);
		return period;
	}

	private static String field(CsvRecord record, Map<String, Integer> columns, String name) {
		int index = columns.get(name);
		return index < record.getFieldCount() ? record.getField(index).trim() : "";
	}

	private static void requireFields(CsvRecord record, int count) {
		if (record.getFieldCount() != count) {
			throw new IllegalArgumentException("has " + record.getFieldCount() + " columns; expected " + count);
		}
	}

	private static String code(String value, String field) {
		String code = value.trim().toUpperCase(Locale.ROOT);
		if (!isOrgCode(code)) {
			throw new IllegalArgumentException(field + " '" + value + "' is not an organisation code");
		}
		return code;
	}

	/** Three to twelve capital letters and digits, checked without a regular expression on every row. */
	private static boolean isOrgCode(String code) {
		if (code.length() < 3 || code.length() > 12) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
				return false;
			}
		}
		return true;
	}

	private static double count(String value, String field) {
		double number = number(value, field);
		if (number < 0) {
			throw new IllegalArgumentException(field + " " + value.trim() + " is negative");
		}
		return number;
	}

	private static Double optionalCount(String value, String field) {
		return value.isBlank() ? null : count(value, field);
	}

	private static double number(String value, String field) {
		try {
			double number = Double.parseDouble(value.trim().replace(",", ""));
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + " '" + value + "' is not a number");
		}
	}
}
