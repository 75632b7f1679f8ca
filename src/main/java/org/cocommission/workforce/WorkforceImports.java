package org.cocommission.workforce;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;


import org.cocommission.directory.Directory;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.workforce.imports.DetailedColumns.Column;
import org.cocommission.workforce.imports.DetailedColumns.Kind;
import org.cocommission.workforce.imports.DetailedColumns;
import org.cocommission.workforce.imports.WorkforceCsv.Figure;
import org.cocommission.workforce.imports.WorkforceCsv.Line;
import org.cocommission.workforce.imports.WorkforceCsv;
import org.cocommission.workforce.imports.WorkforceFile;
import org.cocommission.workforce.measures.WorkforceIndicators;
import org.cocommission.platform.CsvCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import of NHS Digital's workforce files as published: validates the whole file, then replaces what the same file
 * of the same month stored before, in one transaction, so a month can be imported again and a refused file stores
 * nothing (docs/domain-rules.md#workforce). NHS England's national users only (and the application itself).
 */
@Service
public class WorkforceImports {

	private static final Pattern PRACTICE_CODE = Pattern.compile("[A-Z0-9]{3,10}");

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

	/** The high level file's staff groups, as the detailed file's column stems. */
	private static final Map<String, String> STAFF_GROUPS = Map.of("GP", "GP", "GPS", "GP", "NURSES", "NURSES",
			"NURSE", "NURSES", "DIRECT PATIENT CARE", "DPC", "DPC", "DPC", "ADMIN/NON-CLINICAL", "ADMIN",
			"ADMIN/NON CLINICAL", "ADMIN", "ADMIN", "ADMIN");

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final DataSource dataSource;

	private final Directory directory;

	private final AccessPolicy access;

	private final WorkforceIndicators indicators;

	WorkforceImports(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource, Directory directory,
			AccessPolicy access, WorkforceIndicators indicators) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.dataSource = dataSource;
		this.directory = directory;
		this.access = access;
		this.indicators = indicators;
	}

	/**
	 * Imports a practice-level "Detailed" file for {@code month}, or for the month of its {@code EXTRACT_DATE} column
	 * when {@code month} is null, and supplies the month's workforce indicators to outcomes before it commits.
	 */
	@Transactional
	public WorkforceImportReport importPracticeDetailed(String fileName, InputStream content, YearMonth month) {
		return importDetailed(fileName, content, month, true);
	}

	/**
	 * As {@link #importPracticeDetailed}, leaving outcomes to {@link #supplyOutcomes}: the demo loads its months on the
	 * start path and supplies outcomes off it.
	 */
	@Transactional
	public WorkforceImportReport importPracticeDetailedLeavingOutcomes(String fileName, InputStream content,
			YearMonth month) {
		return importDetailed(fileName, content, month, false);
	}

	/** Supplies outcomes with the workforce indicators of these months, as every practice-level import does. */
	@Transactional
	public void supplyOutcomes(Collection<YearMonth> months) {
		importer();
		months.forEach(indicators::supplyBeforeCommit);
	}

	/** The months with practice figures whose workforce indicators outcomes does not have. */
	public List<YearMonth> monthsMissingFromOutcomes() {
		importer();
		return indicators.monthsMissing();
	}

	private WorkforceImportReport importDetailed(String fileName, InputStream content, YearMonth month,
			boolean supplying) {
		String importer = importer();
		List<Line> lines = WorkforceCsv.read(content);
		List<WorkforceRowMessage> errors = new ArrayList<>();
		List<WorkforceRowMessage> warnings = new ArrayList<>();
		if (lines.isEmpty()) {
			throw rejected(WorkforceFile.PRACTICE_DETAILED, fileName, month, 0,
					List.of(new WorkforceRowMessage(1, "The file is empty")));
		}
		List<Column> columns = new ArrayList<>();
		Map<Kind, Column> single = new HashMap<>();
		Set<String> figureNames = new HashSet<>();
		List<String> headers = lines.get(0).fields();
		for (int i = 0; i < headers.size(); i++) {
			Column column = DetailedColumns.classify(i, headers.get(i));
			switch (column.kind()) {
				case FIGURE -> {
					if (figureNames.add(column.name())) {
						columns.add(column);
					}
					else {
						errors.add(new WorkforceRowMessage(1, "Two columns are " + column.name()
								+ " (one under an older name); keep one"));
					}
				}
				case UNKNOWN -> {
					if (!column.published().isEmpty()) {
						warnings.add(new WorkforceRowMessage(1,
								"Unknown column " + column.published() + " was left out"));
					}
				}
				case COMMISSIONER -> single.merge(Kind.COMMISSIONER, column,
						(first, next) -> DetailedColumns.COMMISSIONER.indexOf(next.name()) < DetailedColumns.COMMISSIONER
							.indexOf(first.name()) ? next : first);
				case DESCRIPTIVE -> {
				}
				default -> single.putIfAbsent(column.kind(), column);
			}
		}
		Column code = single.get(Kind.PRACTICE_CODE);
		if (code == null) {
			errors.add(new WorkforceRowMessage(1, "No PRAC_CODE column: is this the practice-level detailed file?"));
		}
		if (!figureNames.contains(DetailedColumns.PATIENTS)) {
			warnings.add(new WorkforceRowMessage(1, "No TOTAL_PATIENTS column: no measure per patient can be made"
					+ " from this file"));
		}
		YearMonth fileMonth = month;
		Column extract = single.get(Kind.EXTRACT_DATE);
		List<PracticeRow> practices = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Line line : lines.subList(1, lines.size())) {
			fileMonth = extractMonth(line, extract == null ? null : line.field(extract.index()), fileMonth, errors);
			if (code == null) {
				continue;
			}
			String practice = trimmed(line.field(code.index()));
			if (practice == null) {
				errors.add(new WorkforceRowMessage(line.number(), "PRAC_CODE is empty"));
				continue;
			}
			practice = practice.toUpperCase(Locale.ROOT);
			if (!PRACTICE_CODE.matcher(practice).matches()) {
				errors.add(new WorkforceRowMessage(line.number(), "PRAC_CODE '" + practice + "' is not a practice code"));
				continue;
			}
			if (!seen.add(practice)) {
				errors.add(new WorkforceRowMessage(line.number(), "Practice " + practice + " appears twice"));
				continue;
			}
			Map<String, Figure> figures = new LinkedHashMap<>();
			for (Column column : columns) {
				try {
					Figure figure = WorkforceCsv.figure(line.field(column.index()), column.published());
					if (figure != null) {
						figures.put(column.name(), figure);
					}
				}
				catch (IllegalArgumentException ex) {
					errors.add(new WorkforceRowMessage(line.number(), ex.getMessage()));
				}
			}
			practices.add(new PracticeRow(line.number(), practice, field(line, single.get(Kind.PRACTICE_NAME), 200),
					field(line, single.get(Kind.COMMISSIONER), 10), figures));
		}
		if (fileMonth == null) {
			errors.add(new WorkforceRowMessage(1, "Say which month the file is for: date=YYYY-MM, or an EXTRACT_DATE column"));
		}
		if (practices.isEmpty() && errors.isEmpty()) {
			errors.add(new WorkforceRowMessage(1, "The file has no practices"));
		}
		if (!errors.isEmpty()) {
			throw rejected(WorkforceFile.PRACTICE_DETAILED, fileName, fileMonth, lines.size() - 1, errors);
		}
		warnings.addAll(notInDirectory(practices));
		lockImports();
		replaceMonth(WorkforceFile.PRACTICE_DETAILED, fileMonth, practices);
		if (supplying) {
			indicators.supplyBeforeCommit(fileMonth);
		}
		return logged(new WorkforceImportReport(WorkforceFile.PRACTICE_DETAILED.slug(), fileName, fileMonth.toString(),
				lines.size() - 1, practices.size(), warnings, List.of()), fileMonth, importer);
	}

	/**
	 * Imports the practice-level "high level" long file ({@code PRAC_CODE, PRAC_NAME, STAFF_GROUP,
	 * DETAILED_STAFF_ROLE, MEASURE, VALUE}): kept as published, and each staff group's FTE summed over its roles.
	 */
	@Transactional
	public WorkforceImportReport importHighLevel(String fileName, InputStream content, YearMonth month) {
		String importer = importer();
		List<Line> lines = WorkforceCsv.read(content);
		List<WorkforceRowMessage> errors = new ArrayList<>();
		List<WorkforceRowMessage> warnings = new ArrayList<>();
		if (lines.isEmpty()) {
			throw rejected(WorkforceFile.HIGH_LEVEL, fileName, month, 0,
					List.of(new WorkforceRowMessage(1, "The file is empty")));
		}
		Map<String, Integer> index = new HashMap<>();
		List<String> headers = lines.get(0).fields();
		Set<String> known = Set.of("PRAC_CODE", "PRAC_NAME", "STAFF_GROUP", "DETAILED_STAFF_ROLE", "MEASURE", "VALUE",
				"EXTRACT_DATE");
		for (int i = 0; i < headers.size(); i++) {
			String name = WorkforceCsv.columnName(headers.get(i));
			name = switch (name) {
				case "PRACTICE_CODE" -> "PRAC_CODE";
				case "PRACTICE_NAME" -> "PRAC_NAME";
				case "STAFF_ROLE" -> "DETAILED_STAFF_ROLE";
				default -> name;
			};
			if (known.contains(name)) {
				index.putIfAbsent(name, i);
			}
			else if (!name.isEmpty() && !name.endsWith("_CODE") && !name.endsWith("_NAME")) {
				warnings.add(new WorkforceRowMessage(1, "Unknown column " + name + " was left out"));
			}
		}
		for (String required : List.of("PRAC_CODE", "STAFF_GROUP", "DETAILED_STAFF_ROLE", "MEASURE", "VALUE")) {
			if (!index.containsKey(required)) {
				errors.add(new WorkforceRowMessage(1, "No " + required + " column: is this the high level file?"));
			}
		}
		if (!errors.isEmpty()) {
			throw rejected(WorkforceFile.HIGH_LEVEL, fileName, month, lines.size() - 1, errors);
		}
		YearMonth fileMonth = month;
		Map<String, PracticeRow> practices = new LinkedHashMap<>();
		List<Object[]> published = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Set<String> unknownGroups = new HashSet<>();
		for (Line line : lines.subList(1, lines.size())) {
			Integer extract = index.get("EXTRACT_DATE");
			fileMonth = extractMonth(line, extract == null ? null : line.field(extract), fileMonth, errors);
			String practice = trimmed(line.field(index.get("PRAC_CODE")));
			String group = trimmed(line.field(index.get("STAFF_GROUP")));
			String role = trimmed(line.field(index.get("DETAILED_STAFF_ROLE")));
			String measure = trimmed(line.field(index.get("MEASURE")));
			if (practice == null || !PRACTICE_CODE.matcher(practice.toUpperCase(Locale.ROOT)).matches()) {
				errors.add(new WorkforceRowMessage(line.number(), "PRAC_CODE '" + (practice == null ? "" : practice)
						+ "' is not a practice code"));
				continue;
			}
			practice = practice.toUpperCase(Locale.ROOT);
			if (group == null || role == null) {
				errors.add(new WorkforceRowMessage(line.number(), "STAFF_GROUP and DETAILED_STAFF_ROLE are needed"));
				continue;
			}
			String unit = measure == null ? "" : switch (measure.toUpperCase(Locale.ROOT)) {
				case "FTE" -> "FTE";
				case "HEADCOUNT", "HC" -> "HC";
				default -> "";
			};
			if (unit.isEmpty()) {
				errors.add(new WorkforceRowMessage(line.number(), "MEASURE '" + (measure == null ? "" : measure)
						+ "' is neither FTE nor Headcount"));
				continue;
			}
			Figure figure;
			try {
				figure = WorkforceCsv.figure(line.field(index.get("VALUE")), "VALUE");
			}
			catch (IllegalArgumentException ex) {
				errors.add(new WorkforceRowMessage(line.number(), ex.getMessage()));
				continue;
			}
			if (figure == null) {
				errors.add(new WorkforceRowMessage(line.number(), "VALUE is empty (ND marks a withheld value)"));
				continue;
			}
			if (!keys.add(practice + "|" + group + "|" + role + "|" + unit)) {
				errors.add(new WorkforceRowMessage(line.number(), "Practice " + practice + " has " + group + ", " + role
						+ ", " + unit + " twice"));
				continue;
			}
			published.add(new Object[] { practice, group, role, unit, figure.value(), figure.withheld() });
			PracticeRow row = practices.computeIfAbsent(practice, code -> new PracticeRow(line.number(), code,
					field(line, index.get("PRAC_NAME"), 200), null, new LinkedHashMap<>()));
			String stem = STAFF_GROUPS.get(group.toUpperCase(Locale.ROOT));
			if (stem == null) {
				if (unknownGroups.add(group)) {
					warnings.add(new WorkforceRowMessage(line.number(), "Staff group '" + group
							+ "' is not one of GP, Nurses, Direct Patient Care, Admin/Non-Clinical: kept, but in no total"));
				}
			}
			else if (unit.equals("FTE") && !role.toUpperCase(Locale.ROOT).startsWith("TOTAL")) {
				// Only FTE adds up across roles: a person in two roles is one head (docs/domain-rules.md#workforce).
				row.figures().merge("TOTAL_" + stem + "_FTE", figure, WorkforceImports::sum);
			}
		}
		if (fileMonth == null) {
			errors.add(new WorkforceRowMessage(1, "Say which month the file is for: date=YYYY-MM, or an EXTRACT_DATE column"));
		}
		if (practices.isEmpty() && errors.isEmpty()) {
			errors.add(new WorkforceRowMessage(1, "The file has no practices"));
		}
		if (!errors.isEmpty()) {
			throw rejected(WorkforceFile.HIGH_LEVEL, fileName, fileMonth, lines.size() - 1, errors);
		}
		warnings.addAll(notInDirectory(List.copyOf(practices.values())));
		lockImports();
		replaceMonth(WorkforceFile.HIGH_LEVEL, fileMonth, List.copyOf(practices.values()));
		jdbc.sql("delete from workforce_high_level where month = ?").param(fileMonth.atDay(1)).update();
		YearMonth stored = fileMonth;
		// One insert per published row of a file of tens of thousands: a real batch.
		batches.batchUpdate("insert into workforce_high_level (month, practice_code, staff_group, staff_role, measure,"
				+ " value, withheld) values (?, ?, ?, ?, ?, ?, ?)", published.stream()
			.map(row -> new Object[] { stored.atDay(1), row[0], row[1], row[2], row[3], row[4], row[5] })
			.toList());
		indicators.supplyBeforeCommit(fileMonth);
		return logged(new WorkforceImportReport(WorkforceFile.HIGH_LEVEL.slug(), fileName, fileMonth.toString(),
				lines.size() - 1, published.size(), warnings, List.of()), fileMonth, importer);
	}

	/**
	 * Imports national full-time equivalents by staff group and year ({@code YEAR, STAFF_GROUP, FTE}), such as
	 * consultants from the hospital and community health services workforce statistics and GPs. A year and group
	 * already stored is replaced.
	 */
	@Transactional
	public WorkforceImportReport importNationalSeries(String fileName, InputStream content) {
		String importer = importer();
		List<Line> lines = WorkforceCsv.read(content);
		List<WorkforceRowMessage> errors = new ArrayList<>();
		List<WorkforceRowMessage> warnings = new ArrayList<>();
		Map<String, Integer> index = new HashMap<>();
		if (!lines.isEmpty()) {
			List<String> headers = lines.get(0).fields();
			for (int i = 0; i < headers.size(); i++) {
				String name = switch (WorkforceCsv.columnName(headers.get(i))) {
					case "YEAR", "DATE", "PERIOD" -> "YEAR";
					case "STAFF_GROUP", "MAIN_STAFF_GROUP" -> "STAFF_GROUP";
					case "FTE", "VALUE", "FTE_TOTAL" -> "FTE";
					default -> "";
				};
				if (name.isEmpty()) {
					warnings.add(new WorkforceRowMessage(1, "Unknown column " + WorkforceCsv.columnName(headers.get(i))
							+ " was left out"));
				}
				else {
					index.putIfAbsent(name, i);
				}
			}
		}
		for (String required : List.of("YEAR", "STAFF_GROUP", "FTE")) {
			if (!index.containsKey(required)) {
				errors.add(new WorkforceRowMessage(1, "No " + required + " column (YEAR, STAFF_GROUP, FTE)"));
			}
		}
		if (!errors.isEmpty()) {
			throw rejected(WorkforceFile.HCHS, fileName, null, Math.max(0, lines.size() - 1), errors);
		}
		Map<String, Object[]> rows = new LinkedHashMap<>();
		for (Line line : lines.subList(1, lines.size())) {
			String yearText = trimmed(line.field(index.get("YEAR")));
			String group = trimmed(line.field(index.get("STAFF_GROUP")));
			Matcher year = YEAR.matcher(yearText == null ? "" : yearText);
			if (!year.find()) {
				errors.add(new WorkforceRowMessage(line.number(), "YEAR '" + (yearText == null ? "" : yearText)
						+ "' has no year in it"));
				continue;
			}
			if (group == null || group.length() > 100) {
				errors.add(new WorkforceRowMessage(line.number(), "STAFF_GROUP is empty or longer than 100 characters"));
				continue;
			}
			Figure fte;
			try {
				fte = WorkforceCsv.figure(line.field(index.get("FTE")), "FTE");
			}
			catch (IllegalArgumentException ex) {
				errors.add(new WorkforceRowMessage(line.number(), ex.getMessage()));
				continue;
			}
			if (fte == null || fte.withheld()) {
				errors.add(new WorkforceRowMessage(line.number(), "FTE is needed: national figures are not withheld"));
				continue;
			}
			int y = Integer.parseInt(year.group());
			if (rows.put(y + "|" + group, new Object[] { y, group, fte.value() }) != null) {
				errors.add(new WorkforceRowMessage(line.number(), group + " in " + y + " appears twice"));
			}
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new WorkforceRowMessage(1, "The file has no figures"));
		}
		if (!errors.isEmpty()) {
			throw rejected(WorkforceFile.HCHS, fileName, null, lines.size() - 1, errors);
		}
		lockImports();
		// A row per year and staff group: a real batch.
		batches.batchUpdate("insert into workforce_national_series (year, staff_group, fte) values (?, ?, ?)"
				+ " on conflict (year, staff_group) do update set fte = excluded.fte", List.copyOf(rows.values()));
		return logged(new WorkforceImportReport(WorkforceFile.HCHS.slug(), fileName, null, lines.size() - 1,
				rows.size(), warnings, List.of()), null, importer);
	}

	/** The imports made, newest first. */
	public List<WorkforceImportRecord> recentImports(int limit) {
		return jdbc.sql("select kind, file_name, to_char(month, 'YYYY-MM') as month, rows_read, rows_stored, warnings,"
				+ " imported_by, imported_at from workforce_import order by id desc limit ?")
			.param(limit)
			.query(WorkforceImportRecord.class)
			.list();
	}

	private String importer() {
		if (ActingAs.isSystem()) {
			return ActingAs.SYSTEM;
		}
		access.checkNational();
		return access.requireUser().username();
	}

	private static Figure sum(Figure a, Figure b) {
		return a.withheld() || b.withheld() ? Figure.WITHHELD_FIGURE : new Figure(a.value().add(b.value()), false);
	}

	private List<WorkforceRowMessage> notInDirectory(List<PracticeRow> practices) {
		Set<String> known = directory.refs(practices.stream().map(PracticeRow::code).toList()).keySet();
		return practices.stream()
			.filter(practice -> !known.contains(practice.code()))
			.map(practice -> new WorkforceRowMessage(practice.row(), "Practice " + practice.code()
					+ " is not in the directory: stored, but in no CCG"))
			.toList();
	}

	/** Imports one at a time across instances, so two imports of a month cannot interleave. */
	private void lockImports() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('workforce-import'))").query().singleRow();
	}

	private void replaceMonth(WorkforceFile file, YearMonth month, List<PracticeRow> practices) {
		var first = month.atDay(1);
		jdbc.sql("delete from workforce_practice_value where month = ? and source = ?")
			.params(first, file.source())
			.update();
		jdbc.sql("delete from workforce_practice_month where month = ? and source = ?")
			.params(first, file.source())
			.update();
		// A row per practice, then a row per figure: a hundred thousand rows a month, by COPY.
		StringBuilder months = new StringBuilder(practices.size() * 64);
		StringBuilder values = new StringBuilder(practices.size() * 640);
		for (PracticeRow practice : practices) {
			months.append(first).append(',').append(CsvCopy.field(file.source())).append(',').append(CsvCopy.field(practice.code()))
				.append(',').append(CsvCopy.field(practice.name())).append(',').append(CsvCopy.field(practice.commissioner()))
				.append('\n');
			practice.figures()
				.forEach((measure, figure) -> values.append(first).append(',').append(CsvCopy.field(file.source())).append(',')
					.append(CsvCopy.field(practice.code())).append(',').append(CsvCopy.field(measure)).append(',')
					.append(figure.value() == null ? "" : figure.value().toPlainString()).append(',')
					.append(figure.withheld()).append('\n'));
		}
		copy("copy workforce_practice_month (month, source, practice_code, practice_name, commissioner_code)"
				+ " from stdin (format csv)", months);
		copy("copy workforce_practice_value (month, source, practice_code, measure, value, withheld)"
				+ " from stdin (format csv)", values);
	}

	/** COPY in the caller's transaction. */
	private void copy(String sql, CharSequence csv) {
		CsvCopy.copy(dataSource, sql, csv, "Could not store the workforce figures");
	}

	private WorkforceImportReport logged(WorkforceImportReport report, YearMonth month, String importer) {
		jdbc.sql("insert into workforce_import (kind, file_name, month, rows_read, rows_stored, warnings, imported_by)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(report.kind(), report.fileName(), month == null ? null : month.atDay(1), report.rowsRead(),
					report.rowsStored(), report.warnings().size(), importer)
			.update();
		return report;
	}

	private static WorkforceImportRejectedException rejected(WorkforceFile file, String fileName, YearMonth month,
			int rowsRead, List<WorkforceRowMessage> errors) {
		return new WorkforceImportRejectedException(new WorkforceImportReport(file.slug(), fileName,
				month == null ? null : month.toString(), rowsRead, 0, List.of(), errors));
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String field(Line line, Column column, int max) {
		return column == null ? null : field(line, column.index(), max);
	}

	private static String field(Line line, Integer index, int max) {
		String value = index == null ? null : trimmed(line.field(index));
		return value == null ? null : value.substring(0, Math.min(max, value.length()));
	}

	/** One practice's row: its line, code, name and commissioner as given, and its figures by today's column name. */
	record PracticeRow(int row, String code, String name, String commissioner, Map<String, Figure> figures) {
	}

	/**
	 * The file's month after a row's EXTRACT_DATE: the first dated row sets it, and a row dated in another month or not
	 * a date is an error.
	 */
	private static YearMonth extractMonth(Line line, String extractDate, YearMonth fileMonth,
			List<WorkforceRowMessage> errors) {
		if (extractDate == null || extractDate.isBlank()) {
			return fileMonth;
		}
		try {
			YearMonth extracted = WorkforceCsv.month(extractDate);
			if (fileMonth == null) {
				return extracted;
			}
			if (!fileMonth.equals(extracted)) {
				errors.add(new WorkforceRowMessage(line.number(), "EXTRACT_DATE is in " + extracted
						+ " but the file is for " + fileMonth));
			}
		}
		catch (IllegalArgumentException ex) {
			errors.add(new WorkforceRowMessage(line.number(), "EXTRACT_DATE " + ex.getMessage()));
		}
		return fileMonth;
	}

}
