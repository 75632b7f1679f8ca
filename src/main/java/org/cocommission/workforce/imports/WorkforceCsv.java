package org.cocommission.workforce.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Reading workforce CSV files as published (UTF-8 with or without a byte order mark, LF or CRLF), and their values. */
public final class WorkforceCsv {

	/** The mark NHS Digital puts where a figure is withheld to protect individuals. */
	static final String WITHHELD = "ND";

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("ddMMMuuuu")
				.toFormatter(Locale.ENGLISH)
				.withResolverStyle(ResolverStyle.STRICT),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("dd-MMM-uuuu")
				.toFormatter(Locale.ENGLISH)
				.withResolverStyle(ResolverStyle.STRICT));

	private WorkforceCsv() {
	}

	/** A line of the file: its number (the header is 1) and its fields. */
	public record Line(int number, List<String> fields) {

		public String field(int index) {
			return index < 0 || index >= fields.size() ? null : fields.get(index);
		}
	}

	public static List<Line> read(InputStream content) {
		List<Line> lines = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.detectBomHeader(true)
			.ofCsvRecord(new InputStreamReader(content, StandardCharsets.UTF_8))) {
			for (CsvRecord record : reader) {
				lines.add(new Line((int) record.getStartingLineNumber(), record.getFields()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/** A header as the mapping compares it: trimmed, upper case, spaces as underscores. */
	public static String columnName(String header) {
		// The reader's own BOM detection works on streams only: a mark left on the first header is dropped here.
		return header == null ? "" : header.replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
	}

	/** A figure: absent (blank), withheld ({@code ND}), or a number not below zero. */
	public record Figure(BigDecimal value, boolean withheld) {

		public static final Figure WITHHELD_FIGURE = new Figure(null, true);
	}

	/** Null for a blank field; throws IllegalArgumentException with the reason otherwise. */
	public static Figure figure(String raw, String column) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String text = raw.trim();
		if (text.equalsIgnoreCase(WITHHELD)) {
			return Figure.WITHHELD_FIGURE;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(column + " '" + text + "' is not a number (or ND for withheld)");
		}
		if (value.signum() < 0) {
			throw new IllegalArgumentException(column + " " + text + " is below zero");
		}
		return new Figure(value, false);
	}

	/** The month of an extract date as published: {@code 2015-09-30}, {@code 30/09/2015}, {@code 30SEP2015}, {@code 2015-09}. */
	public static YearMonth month(String raw) {
		String text = raw.trim();
		try {
			return YearMonth.parse(text);
		}
		catch (DateTimeParseException ignored) {
			// not a bare month: try the date formats
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return YearMonth.from(LocalDate.parse(text, format));
			}
			catch (DateTimeParseException ignored) {
				// try the next format
			}
		}
		throw new IllegalArgumentException("'" + text + "' is not a date (e.g. 2015-09-30, 30/09/2015 or 30SEP2015)");
	}
}
