package org.cocommission.directory.imports;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.RowMessage;
import org.cocommission.directory.structure.NationalStructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads ODS's {@code epcmem.csv}, the history of every practice's commissioner (practice, commissioner, {@code W},
 * start, end, flag; no header), into the practices' dated links to their CCG-level organisation, so that a practice's
 * CCG is known on every day since 1 April 2013 (docs/domain-rules.md, "Practice memberships (epcmem)"). The file is
 * the whole history of the practices it lists: their CCG links become exactly its rows.
 */
@Component
public class MembershipHistoryImporter {

	/** For the batches of inserts and deletes, which JdbcClient does not do. */
	private final JdbcTemplate jdbc;

	private final JdbcClient queries;

	private final AuditTrail audit;

	private final StructureWrites structure;

	MembershipHistoryImporter(JdbcTemplate jdbc, JdbcClient queries, AuditTrail audit, StructureWrites structure) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
		this.structure = structure;
	}

	public ImportReport run(InputStream content, long importId) {
		List<RowMessage> errors = new ArrayList<>();
		List<RowMessage> warnings = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		Map<Key, Integer> seen = new HashMap<>();
		int rowsRead = CsvFiles.eachRow(content, MembershipHistoryImporter::isHeader, errors, (line, record) -> {
			Row row = Row.parse(line, record);
			Integer earlier = seen.putIfAbsent(new Key(row.practice(), row.commissioner(), row.start()), line);
			if (earlier != null) {
				errors.add(new RowMessage(line, "duplicate: " + row.practice() + " in " + row.commissioner() + " from "
						+ row.start() + " is already on row " + earlier));
			}
			else {
				rows.add(row);
			}
		});
		// Primary care trusts' memberships, which ended before CCGs began, are counted, not stored.
		int beforeCcgs = rows.size();
		rows.removeIf(row -> row.end() != null && row.end().isBefore(NationalStructure.CCGS_ESTABLISHED));
		beforeCcgs -= rows.size();
		// Only the codes the file names are looked up: a file of a few practices costs a few rows, not all of England.
		java.util.Set<String> codes = new java.util.HashSet<>();
		rows.forEach(row -> {
			codes.add(row.practice());
			codes.add(row.commissioner());
		});
		Map<String, OrganisationType> types = types(codes);
		Map<String, OrganisationType> placeholders = new LinkedHashMap<>();
		Map<String, List<Row>> byPractice = new LinkedHashMap<>();
		for (Row row : rows) {
			check(row, row.practice(), OrganisationType.GP_PRACTICE, "practice", types, placeholders, warnings, errors);
			check(row, row.commissioner(), OrganisationType.CCG, "commissioner", types, placeholders, warnings, errors);
			byPractice.computeIfAbsent(row.practice(), key -> new ArrayList<>()).add(row);
		}
		byPractice.values().forEach(history -> warnOverlaps(history, warnings));
		if (beforeCcgs > 0) {
			warnings.add(new RowMessage(0, beforeCcgs + " membership(s) that ended before 1 April 2013 (primary care"
					+ " trusts and earlier commissioners) were not stored: the directory starts with the CCGs"));
		}
		if (!errors.isEmpty()) {
			return new ImportReport(rowsRead, 0, 0, 0, warnings, errors);
		}
		return write(rowsRead, byPractice, placeholders, importId, warnings);
	}

	/** A header line, if a release has one: its date column is not a date. */
	private static boolean isHeader(CsvRecord record) {
		if (record.getFieldCount() < 4) {
			return false;
		}
		try {
			CsvFiles.odsDate(record.getField(3), "start");
			return false;
		}
		catch (IllegalArgumentException ex) {
			return !OdsCode.isValid(record.getField(0).trim());
		}
	}

	private static void check(Row row, String code, OrganisationType type, String role,
			Map<String, OrganisationType> types, Map<String, OrganisationType> placeholders, List<RowMessage> warnings,
			List<RowMessage> errors) {
		OrganisationType known = types.get(code);
		if (known == null) {
			if (placeholders.putIfAbsent(code, type) == null) {
				warnings.add(new RowMessage(row.line(), role + " " + code + " is not in the directory yet: created a"
						+ " placeholder " + type.label().toLowerCase(java.util.Locale.ROOT)
						+ ", completed when its own file is imported"));
			}
		}
		else if (known != type) {
			errors.add(new RowMessage(row.line(), role + " " + code + " is a " + known.label() + " in the directory, not a "
					+ type.label()));
		}
	}

	/** Two commissioners on the same day: odd, but the publisher's record; stored, and said. */
	private static void warnOverlaps(List<Row> history, List<RowMessage> warnings) {
		List<Row> sorted = history.stream()
			.sorted(java.util.Comparator.comparing(Row::start, java.util.Comparator.nullsFirst(LocalDate::compareTo)))
			.toList();
		for (int index = 1; index < sorted.size(); index++) {
			Row before = sorted.get(index - 1);
			Row after = sorted.get(index);
			if (before.end() == null || (after.start() != null && !before.end().isBefore(after.start()))) {
				warnings.add(new RowMessage(after.line(), after.practice() + " is in " + before.commissioner() + " and "
						+ after.commissioner() + " on " + after.start() + ": two commissioners on the same day"));
			}
		}
	}

	private ImportReport write(int rowsRead, Map<String, List<Row>> byPractice,
			Map<String, OrganisationType> placeholders, long importId, List<RowMessage> warnings) {
		List<AuditEntry> auditEntries = new ArrayList<>();
		structure.createPlaceholders(placeholders, importId, auditEntries);
		Map<String, List<StoredLink>> stored = new HashMap<>();
		queries.sql("select r.id, r.child_code, r.parent_code, r.valid_from, r.valid_to from directory_relationship r"
				+ " join directory_organisation c on c.code = r.child_code and c.type = 'GP_PRACTICE'"
				+ " join directory_organisation p on p.code = r.parent_code and p.type = 'CCG'"
				+ " where r.child_code = any (cast(:practices as varchar[]))")
			.param("practices", byPractice.keySet().toArray(String[]::new))
			.query(StoredLink.class)
			.list()
			.forEach(link -> stored.computeIfAbsent(link.childCode(), key -> new ArrayList<>()).add(link));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> deletes = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (var entry : byPractice.entrySet()) {
			String practice = entry.getKey();
			List<StoredLink> existing = new ArrayList<>(stored.getOrDefault(practice, List.of()));
			for (Row row : entry.getValue()) {
				StoredLink same = existing.stream()
					.filter(link -> link.parentCode().equals(row.commissioner())
							&& Objects.equals(link.validFrom(), row.start()))
					.findFirst()
					.orElse(null);
				if (same == null) {
					inserts.add(new Object[] { practice, row.commissioner(), StructureWrites.sqlDate(row.start()),
							StructureWrites.sqlDate(row.end()) });
					auditEntries.add(change(practice, null, row));
					created++;
					continue;
				}
				existing.remove(same);
				if (Objects.equals(same.validTo(), row.end())) {
					unchanged++;
				}
				else {
					updates.add(new Object[] { StructureWrites.sqlDate(row.end()), same.id() });
					auditEntries.add(change(practice, same, row));
					updated++;
				}
			}
			// Links the history does not have were another file's guess (epraccur's current commissioner): replaced.
			for (StoredLink gone : existing) {
				deletes.add(new Object[] { gone.id() });
				auditEntries.add(change(practice, gone, null));
				updated++;
			}
		}
		jdbc.batchUpdate("delete from directory_relationship where id = ?", deletes);
		jdbc.batchUpdate("update directory_relationship set valid_to = ? where id = ?", updates);
		jdbc.batchUpdate("insert into directory_relationship (child_code, parent_code, valid_from, valid_to)"
				+ " values (?, ?, ?, ?)", inserts);
		audit.recordAll(auditEntries);
		return new ImportReport(rowsRead, created, updated, unchanged, warnings, List.of());
	}

	private static AuditEntry change(String practice, StoredLink before, Row after) {
		return new AuditEntry("MEMBERSHIP_CHANGED", "ORGANISATION", practice, practice,
				before == null ? null : state(before.parentCode(), before.validFrom(), before.validTo()),
				after == null ? null : state(after.commissioner(), after.start(), after.end()));
	}

	private static Map<String, Object> state(String parent, LocalDate from, LocalDate to) {
		var state = new LinkedHashMap<String, Object>();
		state.put("parent", parent);
		state.put("validFrom", from == null ? null : from.toString());
		state.put("validTo", to == null ? null : to.toString());
		return state;
	}

	private Map<String, OrganisationType> types(java.util.Set<String> codes) {
		Map<String, OrganisationType> types = new HashMap<>();
		queries.sql("select code, type from directory_organisation where code = any (cast(:codes as varchar[]))")
			.param("codes", codes.toArray(String[]::new))
			.query(CodeType.class)
			.list()
			.forEach(row -> types.put(row.code(), row.type()));
		return types;
	}

	private record CodeType(String code, OrganisationType type) {
	}

	private record StoredLink(long id, String childCode, String parentCode, LocalDate validFrom, LocalDate validTo) {
	}

	private record Key(String practice, String commissioner, LocalDate start) {
	}

	/** One membership: the practice was the commissioner's from {@code start} to {@code end} (the last day). */
	private record Row(int line, String practice, String commissioner, LocalDate start, LocalDate end) {

		static Row parse(int line, CsvRecord record) {
			if (record.getFieldCount() < 5) {
				throw new IllegalArgumentException("has " + record.getFieldCount()
						+ " columns; epcmem has practice, commissioner, W, start, end and flag");
			}
			String practice = record.getField(0).trim();
			if (!OdsCode.isValid(practice)) {
				throw new IllegalArgumentException("bad practice code '" + practice + "'");
			}
			String commissioner = record.getField(1).trim();
			if (!OdsCode.isValid(commissioner)) {
				throw new IllegalArgumentException("bad commissioner code '" + commissioner + "'");
			}
			LocalDate start = CsvFiles.odsDate(record.getField(3), "start date");
			if (start == null) {
				throw new IllegalArgumentException(practice + " in " + commissioner + " has no start date (column 4)");
			}
			LocalDate end = CsvFiles.odsDate(record.getField(4), "end date");
			if (end != null && end.isBefore(start)) {
				throw new IllegalArgumentException("invalid date: end date " + end + " is before start date " + start);
			}
			return new Row(line, practice, commissioner, start, end);
		}
	}
}
