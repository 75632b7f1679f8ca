package org.cocommission.directory.imports;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.directory.RowMessage;

/** Reading the CSV files the NHS publishes, and their date formats. */
public final class CsvFiles {

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

	/** What an importer does with one data row; an IllegalArgumentException is that row's error. */
	@FunctionalInterface
	interface RowReader {

		void read(int line, CsvRecord record);
	}

	/**
	 * Reads each data row of a published file, after a header line where {@code isHeader} sees one, into
	 * {@code rows}; a row it refuses, an unreadable file and a file with no rows become errors. Answers the rows read.
	 */
	static int eachRow(InputStream content, Predicate<CsvRecord> isHeader, List<RowMessage> errors, RowReader rows) {
		int rowsRead = 0;
		try (var reader = read(content)) {
			boolean first = true;
			for (CsvRecord record : reader) {
				int line = (int) record.getStartingLineNumber();
				if (first && isHeader.test(record)) {
					first = false;
					continue;
				}
				first = false;
				rowsRead++;
				try {
					rows.read(line, record);
				}
				catch (IllegalArgumentException ex) {
					errors.add(new RowMessage(line, ex.getMessage()));
				}
			}
		}
		catch (CsvParseException ex) {
			errors.add(new RowMessage(rowsRead + 1, "unreadable CSV: " + ex.getMessage()));
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			errors.add(new RowMessage(0, "the file could not be read: " + ex.getMessage()));
		}
		if (rowsRead == 0 && errors.isEmpty()) {
			errors.add(new RowMessage(0, "the file has no rows"));
		}
		return rowsRead;
	}

	static CsvReader<CsvRecord> read(InputStream content) {
		// FastCSV detects a byte-order mark only when it opens the stream itself, not in a Reader: skip it here.
		return CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(new InputStreamReader(withoutBom(content), StandardCharsets.UTF_8));
	}

	/** The content without a UTF-8 byte-order mark (EF BB BF) at its start, as Excel and some publishers write. */
	static InputStream withoutBom(InputStream content) {
		var buffered = content.markSupported() ? content : new java.io.BufferedInputStream(content);
		try {
			buffered.mark(3);
			byte[] start = buffered.readNBytes(3);
			if (start.length < 3 || (start[0] & 0xFF) != 0xEF || (start[1] & 0xFF) != 0xBB || (start[2] & 0xFF) != 0xBF) {
				buffered.reset();
			}
			return buffered;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
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

	public static LocalDate extractDate(String value) {
		try {
			return LocalDate.parse(value.trim(), EXTRACT_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("invalid EXTRACT_DATE '" + value + "' (expected e.g. 01JAN2021)");
		}
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
