package org.cocommission.directory.imports;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.RowMessage;
import org.cocommission.directory.TypePeriod;
import org.cocommission.directory.structure.NationalStructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a CCG-to-ICB lookup ({@code CCG Code,ICB Code,ICB NAME}, with a header): creates or names each integrated
 * care board and links each CCG-level organisation to its ICB from 1 July 2022, when it became the ICB's sub-ICB
 * location (docs/domain-rules.md, "Integrated care boards (ccg-icb)").
 */
@Component
public class IcbLookupImporter {

	/** For the batches of writes, which JdbcClient does not do. */
	private final JdbcTemplate jdbc;

	private final JdbcClient queries;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final StructureWrites structure;

	IcbLookupImporter(JdbcTemplate jdbc, JdbcClient queries, JsonMapper json, AuditTrail audit,
			StructureWrites structure) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.json = json;
		this.audit = audit;
		this.structure = structure;
	}

	public ImportReport run(InputStream content, long importId) {
		List<RowMessage> errors = new ArrayList<>();
		List<RowMessage> warnings = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		int rowsRead = 0;
		try (var reader = CsvFiles.read(content)) {
			int[] columns = null;
			Map<String, Integer> seen = new HashMap<>();
			for (CsvRecord record : reader) {
				int line = (int) record.getStartingLineNumber();
				if (columns == null) {
					columns = columns(record);
					if (columns == null) {
						errors.add(new RowMessage(line, "the first line is not the lookup's header: expected columns"
								+ " CCG Code (or Sub ICB Location Code), ICB Code and ICB NAME"));
						break;
					}
					continue;
				}
				rowsRead++;
				String ccg = field(record, columns[0]);
				String icb = field(record, columns[1]);
				String name = field(record, columns[2]);
				if (!OdsCode.isValid(ccg)) {
					errors.add(new RowMessage(line, "bad CCG code '" + ccg + "'"));
				}
				else if (!OdsCode.isValid(icb)) {
					errors.add(new RowMessage(line, "bad ICB code '" + icb + "'"));
				}
				else if (name.isEmpty() || name.length() > 200) {
					errors.add(new RowMessage(line, "ICB " + icb + (name.isEmpty() ? " has no name" : " has a name over 200 characters")));
				}
				else {
					Integer earlier = seen.putIfAbsent(ccg, line);
					if (earlier != null) {
						errors.add(new RowMessage(line, "duplicate: " + ccg + " is already on row " + earlier));
					}
					else {
						rows.add(new Row(line, ccg, icb, name));
					}
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
		Map<String, Stored> known = new HashMap<>();
		queries.sql("select code, type, name, placeholder, open_date, close_date from directory_organisation")
			.query(Stored.class)
			.list()
			.forEach(row -> known.put(row.code(), row));
		Map<String, OrganisationType> placeholders = new LinkedHashMap<>();
		Map<String, String> icbNames = new LinkedHashMap<>();
		for (Row row : rows) {
			Stored ccg = known.get(row.ccg());
			if (ccg == null) {
				if (placeholders.putIfAbsent(row.ccg(), OrganisationType.CCG) == null) {
					warnings.add(new RowMessage(row.line(), "CCG " + row.ccg() + " is not in the directory yet: created"
							+ " a placeholder, completed when the CCG file is imported"));
				}
			}
			else if (ccg.type() != OrganisationType.CCG) {
				errors.add(new RowMessage(row.line(), row.ccg() + " is a " + ccg.type().label() + ", not a CCG"));
			}
			Stored icb = known.get(row.icb());
			if (icb != null && icb.type() != OrganisationType.ICB) {
				errors.add(new RowMessage(row.line(), row.icb() + " is a " + icb.type().label() + ", not an ICB"));
			}
			String first = icbNames.putIfAbsent(row.icb(), row.name());
			if (first != null && !first.equals(row.name())) {
				warnings.add(new RowMessage(row.line(), "ICB " + row.icb() + " is named '" + first + "' on an earlier row;"
						+ " kept that name"));
			}
		}
		if (!errors.isEmpty()) {
			return new ImportReport(rowsRead, 0, 0, 0, warnings, errors);
		}
		return write(rowsRead, rows, known, placeholders, icbNames, importId, warnings);
	}

	/** The positions of the CCG code, ICB code and ICB name, found by their names; null when the line is no header. */
	private static int[] columns(CsvRecord header) {
		int[] columns = { -1, -1, -1 };
		for (int index = 0; index < header.getFieldCount(); index++) {
			String name = header.getField(index).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
			switch (name) {
				case "ccgcode", "subicblocationcode", "sicblcode", "subicbcode", "locationcode" -> columns[0] = index;
				case "icbcode" -> columns[1] = index;
				case "icbname" -> columns[2] = index;
				default -> {
				}
			}
		}
		return columns[0] < 0 || columns[1] < 0 || columns[2] < 0 ? null : columns;
	}

	private static String field(CsvRecord record, int index) {
		return index < record.getFieldCount() ? record.getField(index).trim() : "";
	}

	private ImportReport write(int rowsRead, List<Row> rows, Map<String, Stored> known,
			Map<String, OrganisationType> placeholders, Map<String, String> icbNames, long importId,
			List<RowMessage> warnings) {
		List<AuditEntry> auditEntries = new ArrayList<>();
		structure.createPlaceholders(placeholders, importId, auditEntries);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<Object[]> revisions = new ArrayList<>();
		for (var icb : icbNames.entrySet()) {
			Stored stored = known.get(icb.getKey());
			IcbState state = new IcbState(icb.getValue(), OrganisationType.ICB);
			if (stored == null) {
				jdbc.update("insert into directory_organisation (code, type, name, open_date) values (?, 'ICB', ?, ?)",
						icb.getKey(), icb.getValue(), StructureWrites.sqlDate(NationalStructure.ICBS_ESTABLISHED));
				revisions.add(new Object[] { icb.getKey(), importId, "CREATED", json.writeValueAsString(state) });
				auditEntries.add(new AuditEntry("ORGANISATION_CREATED", "ORGANISATION", icb.getKey(), icb.getKey(), null,
						state));
				created++;
			}
			else if (stored.placeholder() || !stored.name().equals(icb.getValue())) {
				jdbc.update("update directory_organisation set name = ?, placeholder = false,"
						+ " open_date = coalesce(open_date, ?), updated_at = now(), version = version + 1 where code = ?",
						icb.getValue(), StructureWrites.sqlDate(NationalStructure.ICBS_ESTABLISHED), icb.getKey());
				revisions.add(new Object[] { icb.getKey(), importId, "UPDATED", json.writeValueAsString(state) });
				auditEntries.add(new AuditEntry("ORGANISATION_UPDATED", "ORGANISATION", icb.getKey(), icb.getKey(),
						new WasNamed(stored.name(), stored.placeholder()), state));
				updated++;
			}
		}
		jdbc.batchUpdate("insert into directory_organisation_revision (code, import_id, change, attributes)"
				+ " values (?, ?, ?, cast(? as jsonb))", revisions);
		Map<String, List<Link>> links = new HashMap<>();
		queries.sql("select r.id, r.child_code, r.parent_code, r.valid_from, r.valid_to from directory_relationship r"
				+ " join directory_organisation c on c.code = r.child_code and c.type = 'CCG'"
				+ " order by r.valid_from nulls first, r.id")
			.query(Link.class)
			.list()
			.forEach(link -> links.computeIfAbsent(link.childCode(), key -> new ArrayList<>()).add(link));
		Map<String, List<TypePeriod>> storedTypes = structure.typePeriods();
		Map<String, List<TypePeriod>> wantedTypes = new HashMap<>();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> ends = new ArrayList<>();
		for (Row row : rows) {
			Stored ccg = known.get(row.ccg());
			LocalDate open = ccg == null ? null : ccg.openDate();
			LocalDate close = ccg == null ? null : ccg.closeDate();
			LocalDate from = open == null || open.isBefore(NationalStructure.ICBS_ESTABLISHED)
					? NationalStructure.ICBS_ESTABLISHED : open;
			if (close != null && close.isBefore(from)) {
				warnings.add(new RowMessage(row.line(), row.ccg() + " closed on " + close
						+ ", before ICBs were established: not linked to " + row.icb()));
				unchanged++;
				continue;
			}
			wantedTypes.put(row.ccg(), NationalStructure.commissionerTypes(open, close, true));
			List<Link> current = links.getOrDefault(row.ccg(), List.of());
			Link same = current.stream()
				.filter(link -> link.parentCode().equals(row.icb()))
				.findFirst()
				.orElse(null);
			boolean typesChanged = !wantedTypes.get(row.ccg()).equals(storedTypes.getOrDefault(row.ccg(), List.of()));
			if (same != null && Objects.equals(same.validFrom(), from) && Objects.equals(same.validTo(), close)) {
				if (typesChanged) {
					updated++;
				}
				else {
					unchanged++;
				}
				continue;
			}
			if (same != null) {
				jdbc.update("update directory_relationship set valid_from = ?, valid_to = ? where id = ?",
						StructureWrites.sqlDate(from), StructureWrites.sqlDate(close), same.id());
			}
			else {
				// Any other parent still open then (an area team, another ICB) ends the day before.
				for (Link other : current) {
					if ((other.validTo() == null || !other.validTo().isBefore(from))
							&& (other.validFrom() == null || other.validFrom().isBefore(from))) {
						ends.add(new Object[] { StructureWrites.sqlDate(from.minusDays(1)), other.id() });
					}
				}
				inserts.add(new Object[] { row.ccg(), row.icb(), StructureWrites.sqlDate(from),
						StructureWrites.sqlDate(close) });
			}
			auditEntries.add(new AuditEntry("MEMBERSHIP_CHANGED", "ORGANISATION", row.ccg(), row.ccg(),
					same == null ? null : Map.of("parent", same.parentCode()),
					new Membership(row.icb(), from)));
			if (placeholders.containsKey(row.ccg())) {
				created++;
			}
			else {
				updated++;
			}
		}
		jdbc.batchUpdate("update directory_relationship set valid_to = ? where id = ?", ends);
		jdbc.batchUpdate("insert into directory_relationship (child_code, parent_code, valid_from, valid_to)"
				+ " values (?, ?, ?, ?)", inserts);
		structure.replaceTypePeriods(wantedTypes, storedTypes);
		audit.recordAll(auditEntries);
		return new ImportReport(rowsRead, created, updated, unchanged, warnings, List.of());
	}

	private record Row(int line, String ccg, String icb, String name) {
	}

	private record Stored(String code, OrganisationType type, String name, boolean placeholder, LocalDate openDate,
			LocalDate closeDate) {
	}

	private record Link(long id, String childCode, String parentCode, LocalDate validFrom, LocalDate validTo) {
	}

	/** An ICB as its revision and the audit trail record it: its name and type. */
	record IcbState(String name, OrganisationType type) {
	}

	/** An ICB before the lookup named it: its name and whether it was a placeholder. */
	record WasNamed(String name, boolean placeholder) {
	}

	/** The audit trail's record of a CCG's new ICB and the day it takes effect. */
	record Membership(String parent, LocalDate validFrom) {
	}
}
