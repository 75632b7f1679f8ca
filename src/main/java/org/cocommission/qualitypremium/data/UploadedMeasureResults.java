package org.cocommission.qualitypremium.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.cocommission.directory.CcgListSizes;
import org.cocommission.directory.RowMessage;
import org.cocommission.platform.FinancialYear;
import org.cocommission.qualitypremium.DataImportReport;
import org.cocommission.qualitypremium.schemes.Measure;
import org.cocommission.qualitypremium.schemes.MeasureRule;
import org.cocommission.qualitypremium.schemes.Percent;
import org.cocommission.qualitypremium.schemes.Scheme;

/**
 * Achievement data uploaded as CSV, one value per row:
 * {@code CCG_CODE,RECORD,CODE,PERIOD,VALUE[,NUMERATOR,DENOMINATOR,TARGET]} where RECORD is MEASURE (a measure or a
 * part of a composite, in the scheme year or the measure's baseline period), STANDARD (% achieved in the year) or
 * GATEWAY (1 passed, 0 failed). Every row is checked first; a file with any bad row stores nothing; loading a row
 * again replaces the value with the same CCG, record, code and period.
 */
@Component
public class UploadedMeasureResults implements MeasureResultSource {

	// SQL types given up front: without them each null makes the driver ask the server for the parameter's type.
	private static final int[] DATA_TYPES = { Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.BIGINT };

	static final List<String> HEADER = List.of("CCG_CODE", "RECORD", "CODE", "PERIOD", "VALUE");

	private final JdbcClient jdbc;

	/** Only for the real batch of an upload's rows: JdbcClient has none. */
	private final JdbcTemplate batch;

	private final CcgListSizes ccgs;

	UploadedMeasureResults(JdbcClient jdbc, JdbcTemplate batch, CcgListSizes ccgs) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.ccgs = ccgs;
	}

	record DataRow(String ccg, String record, String code, String period, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, BigDecimal target) {
	}

	public DataImportReport load(Scheme scheme, String fileName, byte[] content, String actor) {
		List<RowMessage> errors = new ArrayList<>();
		List<DataRow> rows = new ArrayList<>();
		// One query for every CCG code: an organisation lookup per code is far slower (it totals list sizes).
		Set<String> ccgKnown = ccgs.ccgCodes();
		Set<String> seen = new HashSet<>();
		int rowsRead = 0;
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
			.skipEmptyLines(true).detectBomHeader(true)
			.ofCsvRecord(new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
			Map<String, Integer> columns = null;
			for (CsvRecord record : csv) {
				int line = (int) record.getStartingLineNumber();
				if (columns == null) {
					columns = new HashMap<>();
					for (int i = 0; i < record.getFieldCount(); i++) {
						columns.put(record.getField(i).trim().toUpperCase(Locale.ROOT), i);
					}
					if (!columns.keySet().containsAll(HEADER)) {
						errors.add(new RowMessage(line, "The first line must name the columns " + String.join(",", HEADER)
								+ " (and optionally NUMERATOR,DENOMINATOR,TARGET)"));
						break;
					}
					continue;
				}
				rowsRead++;
				try {
					DataRow row = parse(record, columns, scheme, ccgKnown);
					if (!seen.add(row.ccg() + "|" + row.record() + "|" + row.code() + "|" + row.period())) {
						throw new IllegalArgumentException("a second value for " + row.ccg() + " " + row.code() + " "
								+ row.period());
					}
					rows.add(row);
				}
				catch (IllegalArgumentException ex) {
					errors.add(new RowMessage(line, ex.getMessage()));
				}
			}
			if (columns == null) {
				errors.add(new RowMessage(1, "The file is empty"));
			}
			else if (rowsRead == 0 && errors.isEmpty()) {
				// One rule for every importer (docs/domain-rules.md#input-every-request-follows): no rows, no import.
				errors.add(new RowMessage(1, "The file has a header but no rows under it"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException ex) {
			errors.add(new RowMessage(0, "The file is not valid CSV: " + ex.getMessage()));
		}
		String outcome = errors.isEmpty() ? "COMMITTED" : "REJECTED";
		Long importId = jdbc.sql("insert into qp_import (financial_year, file_name, sha256, imported_by, outcome, rows_read,"
				+ " errors) values (?, ?, ?, ?, ?, ?, ?) returning id")
			.params(scheme.year().startYear(), fileName, sha256(content), actor, outcome, rowsRead, errors.size())
			.query(Long.class)
			.single();
		if (errors.isEmpty()) {
			batch.batchUpdate("""
					insert into qp_data (financial_year, ccg_code, record, item_code, period, value, numerator,
					  denominator, target, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (financial_year, ccg_code, record, item_code, period) do update set value = excluded.value,
					  numerator = excluded.numerator, denominator = excluded.denominator, target = excluded.target,
					  import_id = excluded.import_id
					""", rows.stream().map(row -> new Object[] { scheme.year().startYear(), row.ccg(), row.record(),
					row.code(), row.period(), row.value(), row.numerator(), row.denominator(), row.target(), importId })
				.toList(), DATA_TYPES);
		}
		int ccgs = (int) rows.stream().map(DataRow::ccg).distinct().count();
		return new DataImportReport(fileName, rowsRead, errors.isEmpty() ? rows.size() : 0, errors.isEmpty() ? ccgs : 0,
				errors);
	}

	private DataRow parse(CsvRecord record, Map<String, Integer> columns, Scheme scheme, Set<String> ccgKnown) {
		String ccg = field(record, columns, "CCG_CODE").toUpperCase(Locale.ROOT);
		String kind = field(record, columns, "RECORD").toUpperCase(Locale.ROOT);
		String code = field(record, columns, "CODE").toUpperCase(Locale.ROOT);
		String period = field(record, columns, "PERIOD");
		if (ccg.isEmpty()) {
			throw new IllegalArgumentException("CCG_CODE is empty");
		}
		if (!ccgKnown.contains(ccg)) {
			throw new IllegalArgumentException("CCG_CODE " + ccg + " is not a CCG in the directory");
		}
		BigDecimal value = number(field(record, columns, "VALUE"), "VALUE", true);
		String year = scheme.year().toString();
		switch (kind) {
			case "MEASURE" -> {
				Measure measure = allMeasures(scheme).get(code);
				if (measure == null) {
					throw new IllegalArgumentException("CODE " + code + " is not a measure of the " + year + " scheme"
							+ " (measures: " + String.join(", ", allMeasures(scheme).keySet()) + ")");
				}
				if (measure.rule() == MeasureRule.COMPOSITE) {
					throw new IllegalArgumentException("CODE " + code + " is a composite: give a value for each of its parts");
				}
				if (!period.equals(year) && !period.equals(measure.baselinePeriod())) {
					throw new IllegalArgumentException("PERIOD " + period + " is neither " + year
							+ (measure.baselinePeriod() == null ? "" : " nor the baseline " + measure.baselinePeriod()));
				}
				if (!measure.domain().accepts(value)) {
					throw new IllegalArgumentException("VALUE " + value.toPlainString() + " of " + code + " must be "
							+ measure.domain().description());
				}
				BigDecimal numerator = number(field(record, columns, "NUMERATOR"), "NUMERATOR", false);
				BigDecimal denominator = number(field(record, columns, "DENOMINATOR"), "DENOMINATOR", false);
				requireWhole(numerator, "NUMERATOR");
				requireWhole(denominator, "DENOMINATOR");
				if (numerator != null && numerator.signum() < 0) {
					throw new IllegalArgumentException("NUMERATOR " + numerator.toPlainString() + " is below 0");
				}
				if (denominator != null && denominator.signum() <= 0) {
					throw new IllegalArgumentException("DENOMINATOR " + denominator.toPlainString() + " must be more than 0");
				}
				if (numerator != null && denominator != null && numerator.compareTo(denominator) > 0) {
					throw new IllegalArgumentException("NUMERATOR " + numerator.toPlainString() + " is above DENOMINATOR "
							+ denominator.toPlainString());
				}
				BigDecimal target = number(field(record, columns, "TARGET"), "TARGET", false);
				if (target != null && !measure.domain().accepts(target)) {
					throw new IllegalArgumentException("TARGET " + target.toPlainString() + " of " + code + " must be "
							+ measure.domain().description());
				}
			}
			case "STANDARD" -> {
				if (scheme.standards().stream().noneMatch(s -> s.code().equals(code))) {
					throw new IllegalArgumentException("CODE " + code + " is not a standard of the " + year + " scheme");
				}
				requireYear(period, year);
				if (value.signum() < 0 || value.compareTo(Percent.HUNDRED) > 0) {
					throw new IllegalArgumentException("VALUE of a standard is a % achieved, from 0 to 100");
				}
			}
			case "GATEWAY" -> {
				if (scheme.gateways().stream().noneMatch(g -> g.code().equals(code))) {
					throw new IllegalArgumentException("CODE " + code + " is not a gateway of the " + year + " scheme");
				}
				requireYear(period, year);
				if (value.compareTo(BigDecimal.ONE) != 0 && value.signum() != 0) {
					throw new IllegalArgumentException("VALUE of a gateway must be 1 (passed) or 0 (failed)");
				}
			}
			default -> throw new IllegalArgumentException("RECORD '" + kind + "' must be MEASURE, STANDARD or GATEWAY");
		}
		return new DataRow(ccg, kind, code, period, value, number(field(record, columns, "NUMERATOR"), "NUMERATOR", false),
				number(field(record, columns, "DENOMINATOR"), "DENOMINATOR", false),
				number(field(record, columns, "TARGET"), "TARGET", false));
	}

	/** Numerators and denominators are counts of people or events (docs/domain-rules.md#quality-premium). */
	private static void requireWhole(BigDecimal count, String name) {
		if (count != null && count.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException(name + " " + count.toPlainString() + " is not a whole number: it is a count");
		}
	}

	private static void requireYear(String period, String year) {
		if (!period.equals(year)) {
			throw new IllegalArgumentException("PERIOD " + period + " must be the scheme year " + year);
		}
	}

	static Map<String, Measure> allMeasures(Scheme scheme) {
		Map<String, Measure> all = new TreeMap<>();
		for (Measure measure : scheme.measures()) {
			all.put(measure.code(), measure);
			measure.parts().forEach(part -> all.put(part.code(), part));
		}
		return all;
	}

	private static String field(CsvRecord record, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		// strip(), not trim(): trim() also drops control characters, so "00C" with a trailing NUL was read as 00C.
		return index == null || index >= record.getFieldCount() ? "" : record.getField(index).strip();
	}

	private static BigDecimal number(String text, String name, boolean required) {
		if (text.isEmpty()) {
			if (required) {
				throw new IllegalArgumentException(name + " is empty");
			}
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " '" + text + "' is not a number");
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A qp_data row, as stored. */
	private record StoredValue(String ccgCode, String record, String itemCode, String period, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, BigDecimal target) {
	}

	/** A qp_import row, as stored. */
	private record ImportRow(long id, String fileName, String importedBy, OffsetDateTime importedAt, String outcome,
			int rowsRead, int errors) {

		UploadedFile file() {
			return new UploadedFile(id, fileName, importedBy, importedAt.toInstant(), "COMMITTED".equals(outcome),
					rowsRead, errors);
		}
	}

	@Override
	public Map<String, CcgInputs> inputs(FinancialYear year) {
		Map<String, Map<String, Map<String, CcgInputs.Value>>> measures = new TreeMap<>();
		Map<String, Map<String, BigDecimal>> standards = new TreeMap<>();
		Map<String, Map<String, Boolean>> gateways = new TreeMap<>();
		jdbc.sql("select * from qp_data where financial_year = ? order by ccg_code, record, item_code, period")
			.param(year.startYear())
			.query(StoredValue.class)
			.list()
			.forEach(row -> {
				String ccg = row.ccgCode();
				String code = row.itemCode();
				BigDecimal value = row.value().stripTrailingZeros();
				switch (row.record()) {
					case "MEASURE" -> measures.computeIfAbsent(ccg, k -> new TreeMap<>())
						.computeIfAbsent(code, k -> new TreeMap<>())
						.put(row.period(), new CcgInputs.Value(value, strip(row.numerator()), strip(row.denominator()),
								strip(row.target())));
					case "STANDARD" -> standards.computeIfAbsent(ccg, k -> new TreeMap<>()).put(code, value);
					default -> gateways.computeIfAbsent(ccg, k -> new TreeMap<>()).put(code, value.signum() != 0);
				}
			});
		Set<String> ccgs = new java.util.TreeSet<>();
		ccgs.addAll(measures.keySet());
		ccgs.addAll(standards.keySet());
		ccgs.addAll(gateways.keySet());
		Map<String, CcgInputs> result = new TreeMap<>();
		for (String ccg : ccgs) {
			result.put(ccg, new CcgInputs(ccg, measures.getOrDefault(ccg, Map.of()), standards.getOrDefault(ccg, Map.of()),
					gateways.getOrDefault(ccg, Map.of())));
		}
		return result;
	}

	private static BigDecimal strip(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	@Override
	public String describe(FinancialYear year) {
		return jdbc.sql("select count(*) from qp_import where financial_year = ? and outcome = 'COMMITTED'")
			.param(year.startYear())
			.query(Long.class)
			.optional()
			.map(count -> "uploaded CSV (" + count + " file(s) loaded for " + year + ")")
			.orElse("uploaded CSV");
	}

	/** The scheme year of the latest upload that was stored, if any. */
	public java.util.Optional<FinancialYear> lastLoadedYear() {
		return jdbc.sql("select financial_year from qp_import where outcome = 'COMMITTED' order by id desc limit 1")
			.query(Integer.class)
			.optional()
			.map(FinancialYear::new);
	}

	public List<UploadedFile> recentImports(FinancialYear year) {
		return jdbc.sql("select * from qp_import where financial_year = ? order by id desc limit 10")
			.param(year.startYear())
			.query(ImportRow.class)
			.list()
			.stream()
			.map(ImportRow::file)
			.toList();
	}
}
