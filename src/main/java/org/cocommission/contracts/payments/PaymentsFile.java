package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * NHS Digital's "NHS Payments to General Practice", practice level, in every yearly layout from 2014/15: columns are
 * found by their heading, not their position, because they are added, renamed and moved from year to year (see
 * docs/domain-rules.md, GP contracts, "The payments file"). Every money column after the weighted patients, except the
 * averages, is a payment line.
 * <p>
 * Only the heading is read here: the rows go by COPY straight into the year's table, checked on the way
 * ({@link PaymentsRows}, {@link PaymentsStore#load}), so that an import costs about what a COPY of the file does
 * (docs/benchmarks.md, "Contracts payments import").
 */
public final class PaymentsFile {

	static final String PRACTICE_CODE = "practice code";

	static final String PRACTICE_NAME = "practice name";

	static final String CONTRACT_TYPE = "contract type";

	static final String REGISTERED = "number of registered patients (last known figure)";

	static final String WEIGHTED = "number of weighted patients (last known figure)";

	/** The total the benchmarks use: before deductions, without COVID or PCN payments (the later years' extra totals). */
	public static final String TOTAL = "total nhs payments to general practice";

	private static final List<String> REQUIRED = List.of(PRACTICE_CODE, CONTRACT_TYPE, REGISTERED, WEIGHTED, TOTAL);

	/** 2022/23 onwards: {@code CCG Code} is the sub-ICB location, and {@code Code}, {@code CCG NAME} hold the PCN. */
	private static final String SUB_ICB_NAME = "sub icb name";

	private PaymentsFile() {
	}

	/** The layout of a file from its heading line (byte order mark and all). */
	public static Layout heading(String line) {
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).ofCsvRecord(new StringReader(line))) {
			for (CsvRecord record : csv) {
				return Layout.of(record.getFields());
			}
			return Layout.of(List.of());
		}
		catch (CsvParseException ex) {
			return Layout.of(List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows as COPY's CSV reader takes them, each line keeping its number: an empty line, or one of only spaces and
	 * tabs, becomes a row of {@code width} empty fields (which the import skips), where COPY would read one field and
	 * refuse the file; a line ending unlike the first row's (a carriage return before the line feed, or not), which COPY
	 * would refuse, ends as the first. Lines inside a quoted field are left alone. So a row's number is its line in the
	 * file (the headings being line 1), as long as no field holds a line break (docs/domain-rules.md, GP contracts, "Rows
	 * and their numbers").
	 */
	public static AsCopyReads asCopyReads(byte[] rows, int width) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(rows.length + 1024);
		PaymentsRows.Walked walked;
		try {
			walked = PaymentsRows.write(rows, PaymentsRows.Columns.unchecked(width), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AsCopyReads(out.toByteArray(), walked.lineEndingsChangeAt());
	}

	/** Rows rewritten for COPY's CSV reader, and the first row whose line ended unlike the first row's (0 if none). */
	public record AsCopyReads(byte[] rows, int lineEndingsChangeAt) {
	}

	/** Headings as compared: no byte order mark, spaces trimmed and collapsed, lower case. */
	static String normalise(String heading) {
		return heading.replace("\uFEFF", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/**
	 * Where each field is in one year's layout: {@code columns} by normalised heading (the first of a repeated one),
	 * the payment lines' names as published and their positions, and the required headings it lacks.
	 */
	public record Layout(int width, Map<String, Integer> columns, List<String> lineNames, List<Integer> lineColumns,
			String ccgName, String pcnCode, String pcnName, List<String> missing, List<String> headings) {

		public static Layout of(List<String> headings) {
			Map<String, Integer> columns = new HashMap<>();
			Map<String, Integer> lines = new LinkedHashMap<>();
			Integer weighted = null;
			for (int i = 0; i < headings.size(); i++) {
				String heading = normalise(headings.get(i));
				columns.putIfAbsent(heading, i);
				if (heading.equals(WEIGHTED)) {
					weighted = i;
				}
				else if (weighted != null && !heading.startsWith("average payments") && !heading.isEmpty()) {
					lines.putIfAbsent(headings.get(i).replace("\uFEFF", "").trim().replaceAll("\\s+", " "), i);
				}
			}
			boolean subIcb = columns.containsKey(SUB_ICB_NAME);
			List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
			return new Layout(headings.size(), columns, List.copyOf(lines.keySet()), new ArrayList<>(lines.values()),
					subIcb ? SUB_ICB_NAME : "ccg name", subIcb ? "code" : "pcn code", subIcb ? "ccg name" : "pcn name",
					missing, List.copyOf(headings));
		}

		/** The column of a heading, or null where this year's file has none. */
		public Integer column(String heading) {
			return columns.get(heading);
		}
	}
}
