package org.cocommission.directory;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Reading the CSV files the NHS publishes, and their date formats. */
final class CsvFiles {

	/** ODS dates: {@code 20130401}. */
	private static final DateTimeFormatter ODS_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	/** NHS Digital extract dates: {@code 01JAN2021}. */
	private static final DateTimeFormatter EXTRACT_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("ddMMMuuuu")
		.toFormatter(Locale.ENGLISH)
		.withResolverStyle(ResolverStyle.STRICT);

	private CsvFiles() {
	}

	static CsvReader<CsvRecord> read(InputStream content) {
		return CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.detectBomHeader(true)
			.ofCsvRecord(new InputStreamReader(content, StandardCharsets.UTF_8));
	}

	/** An ODS date, or null for an empty field; throws IllegalArgumentException naming the field otherwise. */
	static LocalDate odsDate(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim(), ODS_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("invalid " + field + " '" + value + "' (expected YYYYMMDD)");
		}
	}

	static LocalDate extractDate(String value) {
		try {
			return LocalDate.parse(value.trim(), EXTRACT_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("invalid EXTRACT_DATE '" + value + "' (expected e.g. 01JAN2021)");
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
