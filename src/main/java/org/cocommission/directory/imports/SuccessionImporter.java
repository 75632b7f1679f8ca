package org.cocommission.directory.imports;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.RowMessage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads ODS's successor file {@code succ.csv} (old code, new code, reason, effective date, indicator; no header):
 * which organisation took over from which, and from when (docs/domain-rules.md, "Successors (succ)"). Either code may
 * be one the directory does not hold yet; the link is kept and the organisation page names it once it arrives.
 */
@Component
public class SuccessionImporter {

	/** For the batches of upserts, which JdbcClient does not do. */
	private final JdbcTemplate jdbc;

	private final JdbcClient queries;

	private final AuditTrail audit;

	SuccessionImporter(JdbcTemplate jdbc, JdbcClient queries, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
	}

	public ImportReport run(InputStream content, long importId) {
		List<RowMessage> errors = new ArrayList<>();
		List<RowMessage> warnings = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int rowsRead = CsvFiles.eachRow(content, SuccessionImporter::isHeader, errors, (line, record) -> {
			Row row = Row.parse(line, record);
			Integer earlier = seen.putIfAbsent(row.oldCode() + ">" + row.newCode(), line);
			if (earlier != null) {
				errors.add(new RowMessage(line, "duplicate: " + row.oldCode() + " to " + row.newCode()
						+ " is already on row " + earlier));
			}
			else {
				rows.add(row);
			}
		});
		if (!errors.isEmpty()) {
			return new ImportReport(rowsRead, 0, 0, 0, warnings, errors);
		}
		Set<String> known = new HashSet<>(queries.sql("select code from directory_organisation").query(String.class).list());
		Set<String> warned = new HashSet<>();
		for (Row row : rows) {
			for (String code : List.of(row.oldCode(), row.newCode())) {
				if (!known.contains(code) && warned.add(code)) {
					warnings.add(new RowMessage(row.line(), code + " is not in the directory (yet): the succession is"
							+ " kept and named when its organisation is imported"));
				}
			}
		}
		return write(rowsRead, rows, importId, warnings);
	}

	private static boolean isHeader(CsvRecord record) {
		if (record.getFieldCount() < 4) {
			return false;
		}
		try {
			CsvFiles.odsDate(record.getField(3), "effective date");
			return false;
		}
		catch (IllegalArgumentException ex) {
			return !OdsCode.isValid(record.getField(0).trim());
		}
	}

	private ImportReport write(int rowsRead, List<Row> rows, long importId, List<RowMessage> warnings) {
		Map<String, Row> stored = new HashMap<>();
		queries.sql("select old_code, new_code, reason, effective_date, indicator from directory_succession")
			.query(Stored.class)
			.list()
			.forEach(row -> stored.put(row.oldCode() + ">" + row.newCode(),
					new Row(0, row.oldCode(), row.newCode(), row.reason(), row.effectiveDate(), row.indicator())));
		List<Object[]> upserts = new ArrayList<>();
		List<AuditEntry> auditEntries = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Row row : rows) {
			Row before = stored.get(row.oldCode() + ">" + row.newCode());
			if (before != null && before.sameAs(row)) {
				unchanged++;
				continue;
			}
			if (before == null) {
				created++;
			}
			else {
				updated++;
			}
			upserts.add(new Object[] { row.oldCode(), row.newCode(), row.reason(),
					StructureWrites.sqlDate(row.effectiveDate()), row.indicator(), importId });
			auditEntries.add(new AuditEntry("SUCCESSION_RECORDED", "ORGANISATION", row.oldCode(), row.oldCode(),
					before == null ? null : before.state(), row.state()));
		}
		jdbc.batchUpdate("insert into directory_succession (old_code, new_code, reason, effective_date, indicator,"
				+ " import_id) values (?, ?, ?, ?, ?, ?) on conflict (old_code, new_code) do update set"
				+ " reason = excluded.reason, effective_date = excluded.effective_date, indicator = excluded.indicator,"
				+ " import_id = excluded.import_id", upserts);
		audit.recordAll(auditEntries);
		return new ImportReport(rowsRead, created, updated, unchanged, warnings, List.of());
	}

	private record Stored(String oldCode, String newCode, String reason, LocalDate effectiveDate, String indicator) {
	}

	private record Row(int line, String oldCode, String newCode, String reason, LocalDate effectiveDate,
			String indicator) {

		static Row parse(int line, CsvRecord record) {
			if (record.getFieldCount() < 4) {
				throw new IllegalArgumentException("has " + record.getFieldCount()
						+ " columns; succ has old code, new code, reason, effective date and indicator");
			}
			String oldCode = record.getField(0).trim();
			String newCode = record.getField(1).trim();
			for (String code : List.of(oldCode, newCode)) {
				if (!OdsCode.isValid(code)) {
					throw new IllegalArgumentException("bad ODS code '" + code + "'");
				}
			}
			if (oldCode.equals(newCode)) {
				throw new IllegalArgumentException(oldCode + " cannot succeed itself");
			}
			LocalDate effective = CsvFiles.odsDate(record.getField(3), "effective date");
			if (effective == null) {
				throw new IllegalArgumentException(oldCode + " to " + newCode + " has no effective date (column 4)");
			}
			String reason = CsvFiles.blankToNull(record.getField(2));
			String indicator = record.getFieldCount() > 4 ? CsvFiles.blankToNull(record.getField(4)) : null;
			if (reason != null && reason.length() > 10 || indicator != null && indicator.length() > 10) {
				throw new IllegalArgumentException("reason or indicator longer than 10 characters");
			}
			return new Row(line, oldCode, newCode, reason, effective, indicator);
		}

		boolean sameAs(Row other) {
			return Objects.equals(reason, other.reason) && Objects.equals(effectiveDate, other.effectiveDate)
					&& Objects.equals(indicator, other.indicator);
		}

		Map<String, Object> state() {
			var state = new LinkedHashMap<String, Object>();
			state.put("successor", newCode);
			state.put("effectiveDate", effectiveDate.toString());
			state.put("reason", reason);
			state.put("indicator", indicator);
			return state;
		}
	}
}
