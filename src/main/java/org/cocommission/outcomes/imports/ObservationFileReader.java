package org.cocommission.outcomes.imports;

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

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.outcomes.ImportError;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;

/**
 * Reads one file, row by row, into a {@link Sink}: checks what a single row can show (columns, period, numbers,
 * negative counts) and leaves what needs more than the row (organisations, indicators, duplicates) to the sink.
 */
public final class ObservationFileReader {

	static final List<String> LONG_HEADER = List.of("ORG_CODE", "INDICATOR_ID", "PERIOD", "NUMERATOR", "DENOMINATOR");

	static final List<String> QOF_HEADER = List.of("PRACTICE_CODE", "GROUP_CODE", "REGISTER", "PATIENT_LIST_TYPE",
			"PATIENT_LIST_SIZE");

	/**
	 * The names each needed column of the QOF prevalence file has had across the years' publications (upper case, the
	 * first as published for 2019/20); PATIENT_LIST_TYPE is read when present and not needed.
	 */
	static final Map<String, List<String>> QOF_COLUMNS = Map.of("PRACTICE_CODE",
			List.of("PRACTICE_CODE", "PRAC_CODE", "PRACTICE"), "GROUP_CODE",
			List.of("GROUP_CODE", "INDICATOR_GROUP_CODE", "INDICATOR_GROUP", "DISEASE_AREA_CODE"), "REGISTER",
			List.of("REGISTER", "REGISTER_SIZE", "DISEASE_REGISTER"), "PATIENT_LIST_SIZE",
			List.of("PATIENT_LIST_SIZE", "LIST_SIZE", "PRACTICE_LIST_SIZE"));

	static final List<String> AGE_BAND_HEADER = List.of("ORG_CODE", "INDICATOR_ID", "PERIOD", "AGE_BAND", "SEX",
			"NUMERATOR", "POPULATION");

	/** The age bands of the standard population, as the directory names them ({@code 0_4} ... {@code 90+}). */
	public static final List<String> AGE_BANDS = List.of("0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34",
			"35_39", "40_44", "45_49", "50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90+");

	private static final int PROGRESS_EVERY = 100_000;

	private static final java.util.regex.Pattern GROUP_CODE = java.util.regex.Pattern.compile("[A-Z0-9]{1,20}");

	/** What reading found: rows, rows skipped on purpose, row errors, periods and QOF groups seen. */
	public static final class Outcome {

		public long rowsRead;

		public long skipped;

		public final List<ImportError> errors = new ArrayList<>();

		long errorCount;

		public final Map<String, Period> periods = new HashMap<>();

		public final TreeSet<String> qofGroups = new TreeSet<>();

		void error(long row, String message) {
			errorCount++;
			if (errors.size() < ObservationImportReport.MAX_ERRORS) {
				errors.add(new ImportError(row, message));
			}
		}
	}

	/** Where rows that pass the row checks go. */
	public interface Sink {

		void observation(long row, String org, String indicator, Period period, double numerator, Double denominator);

		void attribute(long row, String org, String attribute, double value);

		/** One age band and sex of a standardised rate's observation. */
		default void band(long row, String org, String indicator, Period period, String ageBand, String sex,
				double numerator, double population) {
			throw new UnsupportedOperationException("This import takes no age bands");
		}
	}

	private final Sink staging;

	private final LongConsumer progress;

	private final Map<Integer, String> fingertipsIndicators;

	private final Map<Integer, String> fingertipsAttributes;

	private final Outcome outcome = new Outcome();

	public ObservationFileReader(Sink staging, LongConsumer progress, Map<Integer, String> fingertipsIndicators,
			Map<Integer, String> fingertipsAttributes) {
		this.staging = staging;
		this.progress = progress;
		this.fingertipsIndicators = fingertipsIndicators;
		this.fingertipsAttributes = fingertipsAttributes;
	}

	public Outcome read(ImportFormat format, InputStream content, String qofPeriod) {
		if (format == ImportFormat.LONG) {
			return readLong(content);
		}
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.detectBomHeader(true)
			.ofCsvRecord(new InputStreamReader(content, StandardCharsets.UTF_8))) {
			Map<String, Integer> columns = null;
			for (CsvRecord record : reader) {
				long line = record.getStartingLineNumber();
				if (blank(record.getFields())) {
					// Blank lines and rows of empty cells, such as spreadsheets leave at the end of a file.
					continue;
				}
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
						case LONG -> longRow(record.getFields(), line);
						case QOF_PREVALENCE -> qofRow(record, line, qofPeriod, columns);
						case FINGERTIPS -> fingertipsRow(record, line, columns);
						case AGE_BANDS -> bandRow(record, line, columns);
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
		return header(format, record.getFields(), line);
	}

	private Map<String, Integer> header(ImportFormat format, List<String> fields, long line) {
		// A byte order mark (Excel's UTF-8) reaches the first name: FastCSV strips it only from a file it opens itself.
		List<String> names = fields.stream().map(name -> name.replace("\uFEFF", "").trim()).toList();
		List<String> expected = switch (format) {
			case LONG -> LONG_HEADER;
			case QOF_PREVALENCE -> QOF_HEADER;
			case FINGERTIPS -> List.of("Indicator ID", "Area Code", "Area Type", "Time period", "Value", "Count",
					"Denominator");
			case AGE_BANDS -> AGE_BAND_HEADER;
		};
		Map<String, Integer> columns = new HashMap<>();
		for (int index = 0; index < names.size(); index++) {
			columns.putIfAbsent(format == ImportFormat.FINGERTIPS ? names.get(index) : names.get(index).toUpperCase(Locale.ROOT), index);
		}
		boolean matches = switch (format) {
			case FINGERTIPS, AGE_BANDS -> columns.keySet().containsAll(expected);
			case QOF_PREVALENCE -> qofColumns(columns);
			// The long format's columns in order, then only unnamed columns (a spreadsheet's trailing commas).
			case LONG -> names.size() >= expected.size()
					&& names.subList(0, expected.size()).stream().map(name -> name.toUpperCase(Locale.ROOT)).toList().equals(expected)
					&& blank(names.subList(expected.size(), names.size()));
		};
		if (!matches) {
			outcome.error(line, (format == ImportFormat.LONG ? "the header must be " : "the header must include ")
					+ String.join(",", format == ImportFormat.QOF_PREVALENCE ? QOF_COLUMNS_NEEDED : expected));
			return null;
		}
		return columns;
	}

	private static final List<String> QOF_COLUMNS_NEEDED = List.of("PRACTICE_CODE", "GROUP_CODE", "REGISTER",
			"PATIENT_LIST_SIZE");

	/** Finds each needed QOF column under any of its names, adding it under its 2019/20 name; false if one is missing. */
	private static boolean qofColumns(Map<String, Integer> columns) {
		for (String needed : QOF_COLUMNS_NEEDED) {
			Integer index = QOF_COLUMNS.get(needed).stream().map(columns::get).filter(java.util.Objects::nonNull)
				.findFirst().orElse(null);
			if (index == null) {
				return false;
			}
			columns.put(needed, index);
		}
		return true;
	}

	private static boolean blank(List<String> fields) {
		for (String field : fields) {
			if (!field.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The project's long format, the one national files come in: FastCSV splits the records, and each field is read
	 * from its characters ({@link LongRows}) without a String per field.
	 */
	private Outcome readLong(InputStream content) {
		LongRows rows = new LongRows();
		try (CsvReader<Void> reader = CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.detectBomHeader(true)
			.build(rows, new InputStreamReader(content, StandardCharsets.UTF_8))) {
			for (Void ignored : reader) {
				// Each record is handled as it is built.
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Could not read the file", ex);
		}
		if (!rows.headerSeen && outcome.errors.isEmpty()) {
			outcome.error(1, "the file is empty");
		}
		return outcome;
	}

	/** One row of the long format, from its fields as text (the way any row can be read). */
	private void longRow(List<String> fields, long line) {
		if (fields.size() > LONG_HEADER.size() && blank(fields.subList(LONG_HEADER.size(), fields.size()))) {
			fields = fields.subList(0, LONG_HEADER.size());
		}
		if (fields.size() != LONG_HEADER.size()) {
			throw new IllegalArgumentException("has " + fields.size() + " columns; expected " + LONG_HEADER.size());
		}
		String org = code(fields.get(0), "ORG_CODE");
		String indicator = fields.get(1).trim();
		if (indicator.isEmpty() || indicator.length() > 40) {
			throw new IllegalArgumentException("INDICATOR_ID is missing or longer than 40 characters");
		}
		Period period = period(fields.get(2));
		double numerator = count(fields.get(3), "NUMERATOR");
		Double denominator = optionalCount(fields.get(4), "DENOMINATOR");
		staging.observation(line, org, indicator, period, numerator, denominator);
	}

	/**
	 * Reads long-format records from FastCSV's characters. A row of plain codes and plain numbers (the rows of a
	 * national file) is read straight from them: codes become the one String each has ({@link OrgCodes}), numbers
	 * are parsed in place. Any other row (quoted, spaced, lower case, exponents, thousands separators, errors) is
	 * read as text by {@link #longRow}, so it gets exactly the same result and messages.
	 */
	private final class LongRows extends AbstractBaseCsvCallbackHandler<Void> {

		private static final int MAX_FAST_DIGITS = 15;

		private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
				1e12, 1e13, 1e14, 1e15 };

		private final char[][] fields = new char[LONG_HEADER.size()][64];

		private final int[] lengths = new int[LONG_HEADER.size()];

		private final List<String> extra = new ArrayList<>();

		private final OrgCodes orgs = new OrgCodes();

		private final OrgCodes indicators = new OrgCodes();

		private final OrgCodes periods = new OrgCodes();

		private boolean quoted;

		private boolean headerSeen;

		private boolean stopped;

		@Override
		protected void handleBegin(long startingLineNumber) {
			quoted = false;
			extra.clear();
		}

		@Override
		protected void handleField(int index, char[] buffer, int offset, int length, boolean isQuoted) {
			if (index >= fields.length) {
				extra.add(new String(buffer, offset, length));
				return;
			}
			quoted |= isQuoted;
			if (fields[index].length < length) {
				fields[index] = new char[Math.max(length, fields[index].length * 2)];
			}
			System.arraycopy(buffer, offset, fields[index], 0, length);
			lengths[index] = length;
		}

		@Override
		protected Void buildRecord() {
			if (stopped || getRecordType() != de.siegmar.fastcsv.reader.RecordType.DATA) {
				return null;
			}
			long line = getStartingLineNumber();
			if (!headerSeen) {
				headerSeen = true;
				stopped = header(ImportFormat.LONG, texts(), line) == null;
				return null;
			}
			if ((getFieldCount() != fields.length || lengths[0] == 0) && blank(texts())) {
				return null;
			}
			outcome.rowsRead++;
			if (outcome.rowsRead % PROGRESS_EVERY == 0) {
				progress.accept(outcome.rowsRead);
			}
			try {
				if (!plainRow(line)) {
					longRow(texts(), line);
				}
			}
			catch (IllegalArgumentException ex) {
				outcome.error(line, ex.getMessage());
			}
			return null;
		}

		/** Reads a plain row and gives it to the sink; false (having done nothing) when it is not plain. */
		private boolean plainRow(long line) {
			if (quoted || getFieldCount() != fields.length || !isOrgCode(fields[0], lengths[0]) || !isCode(1, 40)
					|| !isCode(2, 40)) {
				return false;
			}
			double numerator = plainCount(3);
			double denominator = lengths[4] == 0 ? 0 : plainCount(4);
			if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
				return false;
			}
			String org = orgs.code(orgs.index(fields[0], 0, lengths[0]));
			String indicator = indicators.code(indicators.index(fields[1], 0, lengths[1]));
			Period period = period(periods.code(periods.index(fields[2], 0, lengths[2])));
			staging.observation(line, org, indicator, period, numerator, lengths[4] == 0 ? null : denominator);
			return true;
		}

		/** Printable ASCII without spaces or separators at either end: nothing to trim, nothing to decode. */
		private boolean isCode(int field, int maximum) {
			int length = lengths[field];
			if (length == 0 || length > maximum) {
				return false;
			}
			char[] chars = fields[field];
			for (int i = 0; i < length; i++) {
				if (chars[i] <= ' ' || chars[i] >= 0x7f) {
					return false;
				}
			}
			return true;
		}

		/**
		 * A count written as plain digits with at most one decimal point and {@value #MAX_FAST_DIGITS} digits, or NaN
		 * for anything else. Both the digits and the power of ten are exact doubles then, so one division gives the
		 * correctly rounded value, the same as {@link Double#parseDouble}.
		 */
		private double plainCount(int field) {
			char[] chars = fields[field];
			int length = lengths[field];
			long digits = 0;
			int count = 0;
			int decimals = -1;
			for (int i = 0; i < length; i++) {
				char c = chars[i];
				if (c >= '0' && c <= '9') {
					digits = digits * 10 + (c - '0');
					count++;
					if (decimals >= 0) {
						decimals++;
					}
				}
				else if (c == '.' && decimals < 0) {
					decimals = 0;
				}
				else {
					return Double.NaN;
				}
			}
			if (count == 0 || count > MAX_FAST_DIGITS) {
				return Double.NaN;
			}
			return decimals <= 0 ? digits : digits / POWERS_OF_TEN[decimals];
		}

		private List<String> texts() {
			List<String> texts = new ArrayList<>(getFieldCount());
			for (int i = 0; i < Math.min(getFieldCount(), fields.length); i++) {
				texts.add(new String(fields[i], 0, lengths[i]));
			}
			texts.addAll(extra);
			return texts;
		}
	}

	/** One practice and group; columns found by name, so that extra columns and other years' names are read. */
	private void qofRow(CsvRecord record, long line, String qofPeriod, Map<String, Integer> columns) {
		String org = code(field(record, columns, "PRACTICE_CODE"), "PRACTICE_CODE");
		String group = field(record, columns, "GROUP_CODE").toUpperCase(Locale.ROOT);
		if (!GROUP_CODE.matcher(group).matches()) {
			throw new IllegalArgumentException("GROUP_CODE '" + group + "' is not a QOF group code");
		}
		outcome.qofGroups.add(group);
		Period period = period(qofPeriod);
		double register = count(field(record, columns, "REGISTER"), "REGISTER");
		double listSize = count(field(record, columns, "PATIENT_LIST_SIZE"), "PATIENT_LIST_SIZE");
		staging.observation(line, org, "QOF-" + group, period, register, listSize);
	}

	/** One age band and sex of one organisation's observation; {@code 0-4} is read as {@code 0_4}, M as MALE. */
	private void bandRow(CsvRecord record, long line, Map<String, Integer> columns) {
		String org = code(field(record, columns, "ORG_CODE"), "ORG_CODE");
		String indicator = field(record, columns, "INDICATOR_ID");
		if (indicator.isEmpty() || indicator.length() > 40) {
			throw new IllegalArgumentException("INDICATOR_ID is missing or longer than 40 characters");
		}
		Period period = period(field(record, columns, "PERIOD"));
		String band = field(record, columns, "AGE_BAND").replace('-', '_').replace(" ", "");
		if (!AGE_BANDS.contains(band)) {
			throw new IllegalArgumentException("AGE_BAND '" + field(record, columns, "AGE_BAND")
					+ "' is not one of the standard population's bands 0_4 ... 85_89, 90+");
		}
		String sex = switch (field(record, columns, "SEX").toUpperCase(Locale.ROOT)) {
			case "MALE", "M", "MALES" -> "MALE";
			case "FEMALE", "F", "FEMALES" -> "FEMALE";
			case "PERSONS", "P", "ALL", "PERSON" -> "PERSONS";
			default -> throw new IllegalArgumentException("SEX '" + field(record, columns, "SEX")
					+ "' is not MALE, FEMALE or PERSONS");
		};
		double numerator = count(field(record, columns, "NUMERATOR"), "NUMERATOR");
		double population = count(field(record, columns, "POPULATION"), "POPULATION");
		if (population == 0 && numerator > 0) {
			throw new IllegalArgumentException("NUMERATOR " + number(numerator) + " in a band with no population");
		}
		staging.band(line, org, indicator, period, band, sex, numerator, population);
	}

	private static String number(double value) {
		return ObservationChecks.number(value);
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

	private static String code(String value, String field) {
		String code = value.trim().toUpperCase(Locale.ROOT);
		if (!isOrgCode(code)) {
			throw new IllegalArgumentException(field + " '" + value + "' is not an organisation code");
		}
		return code;
	}

	private static boolean isOrgCode(String code) {
		return isOrgCode(code.toCharArray(), code.length());
	}

	/** Three to twelve capital letters and digits, checked without a regular expression on every row. */
	private static boolean isOrgCode(char[] chars, int length) {
		if (length < 3 || length > 12) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = chars[i];
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
