package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.contracts.ImportMessage;

/**
 * NHS Digital's "NHS Payments to General Practice", practice level, in every yearly layout from 2014/15: columns are
 * found by their heading, not their position, because they are added, renamed and moved from year to year (see
 * docs/domain-rules.md, GP contracts, "The payments file"). Every money column after the weighted patients, except the
 * averages, is a payment line.
 */
public final class PaymentsFile {

	private static final String PRACTICE_CODE = "practice code";

	private static final String CONTRACT_TYPE = "contract type";

	private static final String REGISTERED = "number of registered patients (last known figure)";

	private static final String WEIGHTED = "number of weighted patients (last known figure)";

	/** The total the benchmarks use: before deductions, without COVID or PCN payments (the later years' extra totals). */
	public static final String TOTAL = "total nhs payments to general practice";

	private static final List<String> REQUIRED = List.of(PRACTICE_CODE, CONTRACT_TYPE, REGISTERED, WEIGHTED, TOTAL);

	/** 2022/23 onwards: {@code CCG Code} is the sub-ICB location, and {@code Code}, {@code CCG NAME} hold the PCN. */
	private static final String SUB_ICB_NAME = "sub icb name";

	private PaymentsFile() {
	}

	/** One practice's year as published. Money in pounds and pence; patients as published (decimals from 2019/20). */
	public record PracticeYear(int row, String practiceCode, String practiceName, String regionCode, String regionName,
			String ccgCode, String ccgName, String pcnCode, String pcnName, String contractType, boolean dispensing,
			BigDecimal registeredPatients, BigDecimal weightedPatients, BigDecimal totalPayments,
			Map<String, BigDecimal> lines) {
	}

	public record Parsed(int rowsRead, List<PracticeYear> rows, List<ImportMessage> errors) {
	}

	public static Parsed parse(Reader content) {
		List<PracticeYear> rows = new ArrayList<>();
		List<ImportMessage> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int rowsRead = 0;
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.allowMissingFields(true)
			.allowExtraFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(content)) {
			Layout layout = null;
			for (CsvRecord record : csv) {
				int line = (int) record.getStartingLineNumber();
				if (layout == null) {
					layout = Layout.of(record.getFields());
					if (!layout.missing().isEmpty()) {
						errors.add(new ImportMessage(line, "This is not an NHS Payments to General Practice file: no column "
								+ String.join(", ", layout.missing())));
						break;
					}
					continue;
				}
				if (record.getFields().stream().allMatch(String::isBlank)) {
					continue;
				}
				rowsRead++;
				try {
					PracticeYear row = layout.read(line, record);
					if (!seen.add(row.practiceCode())) {
						throw new IllegalArgumentException("practice " + row.practiceCode() + " appears twice");
					}
					rows.add(row);
				}
				catch (IllegalArgumentException ex) {
					errors.add(new ImportMessage(line, ex.getMessage()));
				}
			}
			if (layout == null) {
				errors.add(new ImportMessage(0, "The file is empty"));
			}
		}
		catch (CsvParseException ex) {
			errors.add(new ImportMessage(0, "The file is not valid CSV: " + ex.getMessage()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Parsed(rowsRead, rows, errors);
	}

	/** Headings as compared: no byte order mark, spaces trimmed and collapsed, lower case. */
	static String normalise(String heading) {
		return heading.replace("\uFEFF", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** Where each field is in one year's layout. */
	private record Layout(Map<String, Integer> columns, Map<String, Integer> lines, String ccgName, String pcnCode,
			String pcnName, List<String> missing) {

		static Layout of(List<String> headings) {
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
			return new Layout(columns, lines, subIcb ? SUB_ICB_NAME : "ccg name", subIcb ? "code" : "pcn code",
					subIcb ? "ccg name" : "pcn name", missing);
		}

		PracticeYear read(int line, CsvRecord record) {
			String code = text(record, PRACTICE_CODE);
			if (code == null) {
				throw new IllegalArgumentException("no practice code");
			}
			code = code.toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z0-9]{3,10}")) {
				throw new IllegalArgumentException("'" + code + "' is not a practice code");
			}
			String type = text(record, CONTRACT_TYPE);
			Map<String, BigDecimal> amounts = new LinkedHashMap<>();
			lines.forEach((name, index) -> amounts.put(name, number(record, index, name)));
			return new PracticeYear(line, code, text(record, "practice name"), text(record, "nhs england (region) code"),
					text(record, "nhs england (region) name"), upper(text(record, "ccg code")), text(record, ccgName),
					upper(text(record, pcnCode)), text(record, pcnName),
					type == null ? "UNKNOWN" : type.toUpperCase(Locale.ROOT), yes(text(record, "dispensing practice")),
					number(record, columns.get(REGISTERED), "Number of Registered Patients"),
					number(record, columns.get(WEIGHTED), "Number of Weighted Patients"),
					number(record, columns.get(TOTAL), "Total NHS Payments to General Practice"), amounts);
		}

		private String text(CsvRecord record, String heading) {
			Integer index = columns.get(heading);
			if (index == null || index >= record.getFieldCount()) {
				return null;
			}
			String value = record.getField(index).trim();
			return value.isEmpty() || value.equals("-") ? null : value;
		}

		private static String upper(String value) {
			return value == null ? null : value.toUpperCase(Locale.ROOT);
		}

		private static boolean yes(String value) {
			return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("y"));
		}

		/** A published amount: blank or "-" is nothing (0); thousands separators and a pound sign are allowed. */
		private static BigDecimal number(CsvRecord record, int index, String name) {
			String value = index < record.getFieldCount() ? record.getField(index).trim() : "";
			if (value.isEmpty() || value.equals("-")) {
				return BigDecimal.ZERO;
			}
			try {
				return new BigDecimal(value.replace(",", "").replace("£", ""));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
			}
		}
	}
}
