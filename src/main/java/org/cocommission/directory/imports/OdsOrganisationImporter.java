package org.cocommission.directory.imports;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsFile;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.RowMessage;
import org.cocommission.directory.TypePeriod;
import org.cocommission.directory.structure.NationalStructure;
import org.cocommission.platform.CsvCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an ODS organisation file into the directory. Validates every row first; only a file without errors is
 * written. Attribute changes keep the previous version as a revision; a change of parent closes the old dated
 * link and opens a new one, so the hierarchy stays queryable as at any date.
 */
@Component
public class OdsOrganisationImporter {

	/** For the batches of inserts and updates, which JdbcClient does not do. */
	private final JdbcTemplate jdbc;

	private final JdbcClient queries;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final Clock clock;

	private final StructureWrites structure;

	private final DataSource dataSource;

	OdsOrganisationImporter(JdbcTemplate jdbc, JdbcClient queries, JsonMapper json, AuditTrail audit, Clock clock,
			StructureWrites structure, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.queries = queries;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
		this.structure = structure;
	}

	public ImportReport run(OdsFile file, InputStream content, long importId) {
		List<RowMessage> errors = new ArrayList<>();
		List<RowMessage> warnings = new ArrayList<>();
		List<OdsRow> rows = parse(file, content, errors);
		Map<String, Existing> existing = existingOrganisations();
		Map<String, OrganisationType> placeholdersToCreate = new LinkedHashMap<>();
		Map<String, String> icbRegions = new LinkedHashMap<>();
		List<Parent> parents = new ArrayList<>(rows.size());
		for (OdsRow row : rows) {
			Existing current = existing.get(row.code());
			if (current != null && current.type() != file.type()) {
				errors.add(new RowMessage(row.row(), row.code() + " is already a " + current.type().label()
						+ " in the directory, not a " + file.type().label()));
			}
			parents.add(resolveParent(file, row, existing, placeholdersToCreate, warnings, errors));
			if (file == OdsFile.ECCG && row.healthGeography() != null && row.nationalGrouping() != null
					&& tierOf(row.healthGeography(), existing, placeholdersToCreate) == OrganisationType.ICB
					&& !icbRegions.containsKey(row.healthGeography())) {
				// Today's eccg.csv gives each ICB's region in column 3: the ICB's parent from 1 July 2022.
				parentOrPlaceholder(row, row.nationalGrouping(), OrganisationType.REGION, existing, placeholdersToCreate,
						warnings, errors);
				icbRegions.put(row.healthGeography(), row.nationalGrouping());
			}
		}
		if (!errors.isEmpty()) {
			return new ImportReport(rows.size(), 0, 0, 0, warnings, errors);
		}
		ImportReport report = write(file, rows, parents, existing, placeholdersToCreate, importId, warnings);
		linkIcbsToRegions(icbRegions);
		return report;
	}

	private List<OdsRow> parse(OdsFile file, InputStream content, List<RowMessage> errors) {
		List<OdsRow> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		try (var reader = CsvFiles.read(content)) {
			for (CsvRecord record : reader) {
				int line = (int) record.getStartingLineNumber();
				try {
					OdsRow row = OdsRow.parse(record, file);
					Integer first = seen.putIfAbsent(row.code(), line);
					if (first != null) {
						errors.add(new RowMessage(line, "duplicate: " + row.code() + " is already on row " + first));
					}
					else {
						rows.add(row);
					}
				}
				catch (IllegalArgumentException ex) {
					errors.add(new RowMessage(line, ex.getMessage()));
				}
			}
		}
		catch (CsvParseException ex) {
			errors.add(new RowMessage(rows.size() + errors.size() + 1, "unreadable CSV: " + ex.getMessage()));
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			errors.add(new RowMessage(0, "the file could not be read: " + ex.getMessage()));
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new RowMessage(0, "the file has no rows"));
		}
		return rows;
	}

	private Parent resolveParent(OdsFile file, OdsRow row, Map<String, Existing> existing,
			Map<String, OrganisationType> placeholdersToCreate, List<RowMessage> warnings, List<RowMessage> errors) {
		return switch (file) {
			case EPRACCUR -> {
				String ccg = row.commissioner();
				if (ccg == null) {
					yield Parent.NONE;
				}
				Existing parent = existing.get(ccg);
				if (parent == null) {
					if (placeholdersToCreate.putIfAbsent(ccg, OrganisationType.CCG) == null) {
						warnings.add(new RowMessage(row.row(), "commissioner " + ccg
								+ " is not in the directory yet: created a placeholder CCG, completed when the CCG file is imported"));
					}
				}
				else if (parent.type() != OrganisationType.CCG) {
					errors.add(new RowMessage(row.row(), "unknown parent: commissioner " + ccg + " is a "
							+ parent.type().label() + ", not a CCG"));
				}
				yield new Parent(ccg, row.joinDate(), row.leftDate());
			}
			case ECCG -> {
				if (row.healthGeography() == null) {
					warnings.add(new RowMessage(row.row(), row.code() + " names no area team or ICB (column 4)"));
					yield new Parent(null, null, row.closeDate());
				}
				OrganisationType tier = tierOf(row.healthGeography(), existing, placeholdersToCreate);
				Parent parent = parentOrPlaceholder(row, row.healthGeography(), tier, existing, placeholdersToCreate,
						warnings, errors);
				yield tier == OrganisationType.ICB ? icbLink(row, parent.code()) : parent;
			}
			case AREA_TEAMS -> {
				if (row.nationalGrouping() == null) {
					errors.add(new RowMessage(row.row(), row.code() + " names no region (column 3)"));
					yield Parent.NONE;
				}
				yield parentOrPlaceholder(row, row.nationalGrouping(), OrganisationType.REGION, existing,
						placeholdersToCreate, warnings, errors);
			}
			case REGIONS, ECSU -> new Parent("X24", row.openDate(), row.closeDate());
		};
	}

	/** Links each ICB that has no parent yet to the region its CCGs' rows name, from 1 July 2022. */
	private void linkIcbsToRegions(Map<String, String> icbRegions) {
		if (icbRegions.isEmpty()) {
			return;
		}
		var linked = new java.util.HashSet<>(queries.sql("select distinct child_code from directory_relationship"
				+ " where child_code in (:codes)").param("codes", List.copyOf(icbRegions.keySet())).query(String.class).list());
		List<Object[]> inserts = new ArrayList<>();
		icbRegions.forEach((icb, region) -> {
			if (!linked.contains(icb)) {
				inserts.add(new Object[] { icb, region, sqlDate(NationalStructure.ICBS_ESTABLISHED) });
			}
		});
		jdbc.batchUpdate("insert into directory_relationship (child_code, parent_code, valid_from) values (?, ?, ?)",
				inserts);
	}

	/**
	 * eccg.csv's column 4 named the CCG's area team in 2013-2015 files and names its ICB in today's: the directory's
	 * type for a known code, else an ICB unless the code is shaped like an area team's.
	 */
	private static OrganisationType tierOf(String code, Map<String, Existing> existing,
			Map<String, OrganisationType> placeholders) {
		Existing known = existing.get(code);
		if (known != null && (known.type() == OrganisationType.ICB || known.type() == OrganisationType.AREA_TEAM)) {
			return known.type();
		}
		if (placeholders.containsKey(code)) {
			return placeholders.get(code);
		}
		return NationalStructure.looksLikeAreaTeam(code) ? OrganisationType.AREA_TEAM : OrganisationType.ICB;
	}

	/** The parent the row names; one not in the directory yet becomes a placeholder, named when its file arrives. */
	private static Parent parentOrPlaceholder(OdsRow row, String code, OrganisationType type,
			Map<String, Existing> existing, Map<String, OrganisationType> placeholders, List<RowMessage> warnings,
			List<RowMessage> errors) {
		Existing parent = existing.get(code);
		if (parent == null) {
			if (placeholders.putIfAbsent(code, type) == null) {
				warnings.add(new RowMessage(row.row(), type.label().toLowerCase(java.util.Locale.ROOT) + " " + code
						+ " is not in the directory yet: created a placeholder, named when its own file is imported"));
			}
		}
		else if (parent.type() != type) {
			errors.add(new RowMessage(row.row(), "unknown parent: " + code + " is a " + parent.type().label()
					+ ", not a " + type.label()));
		}
		return new Parent(code, row.openDate(), row.closeDate());
	}

	/**
	 * A CCG-level organisation's link to its ICB holds from 1 July 2022 (or its opening, if later) to its close; one
	 * that closed before ICBs existed gets none (today's file still names the ICB its area went to).
	 */
	private static Parent icbLink(OdsRow row, String icb) {
		LocalDate from = row.openDate() == null || row.openDate().isBefore(NationalStructure.ICBS_ESTABLISHED)
				? NationalStructure.ICBS_ESTABLISHED : row.openDate();
		if (row.closeDate() != null && row.closeDate().isBefore(from)) {
			return new Parent(null, null, row.closeDate());
		}
		return new Parent(icb, from, row.closeDate());
	}

	private ImportReport write(OdsFile file, List<OdsRow> rows, List<Parent> parents, Map<String, Existing> existing,
			Map<String, OrganisationType> placeholders, long importId, List<RowMessage> warnings) {
		List<AuditEntry> auditEntries = new ArrayList<>();
		structure.createPlaceholders(placeholders, importId, auditEntries);
		Map<String, List<TypePeriod>> storedTypes = file == OdsFile.ECCG ? structure.typePeriods() : Map.of();
		Map<String, List<TypePeriod>> wantedTypes = new HashMap<>();
		List<Object[]> roles = new ArrayList<>();
		Map<String, List<Link>> links = currentLinks(file.type());
		List<OdsRow> inserts = new ArrayList<>();
		List<OdsRow> updates = new ArrayList<>();
		List<Object[]> revisions = new ArrayList<>();
		List<Object[]> linkInserts = new ArrayList<>();
		List<Object[]> linkUpdates = new ArrayList<>();
		List<Object[]> linkDeletes = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		LocalDate today = LocalDate.now(clock);
		for (int index = 0; index < rows.size(); index++) {
			OdsRow row = rows.get(index);
			Map<String, Object> attributes = row.attributes();
			Existing current = existing.get(row.code());
			boolean organisationChanged;
			if (current == null) {
				inserts.add(row);
				revisions.add(new Object[] { row.code(), importId, "CREATED", json.writeValueAsString(attributes) });
				auditEntries.add(new AuditEntry("ORGANISATION_CREATED", "ORGANISATION", row.code(), row.code(), null,
						attributes));
				organisationChanged = true;
			}
			else if (current.placeholder() || !current.attributes().equals(attributes)) {
				updates.add(row);
				revisions.add(new Object[] { row.code(), importId, "UPDATED", json.writeValueAsString(attributes) });
				auditEntries.add(new AuditEntry("ORGANISATION_UPDATED", "ORGANISATION", row.code(), row.code(),
						current.attributes(), attributes));
				organisationChanged = true;
			}
			else {
				organisationChanged = false;
			}
			boolean linkChanged = reconcileLink(row.code(), parents.get(index), links.getOrDefault(row.code(), List.of()),
					today, linkInserts, linkUpdates, linkDeletes, auditEntries);
			if (file == OdsFile.ECCG) {
				boolean subIcb = NationalStructure.SUB_ICB_LOCATION_ROLE.equals(row.role())
						|| (parents.get(index).code() != null && parents.get(index).from() != null
								&& !parents.get(index).from().isBefore(NationalStructure.ICBS_ESTABLISHED));
				List<TypePeriod> types = NationalStructure.commissionerTypes(row.openDate(), row.closeDate(), subIcb);
				wantedTypes.put(row.code(), types);
				linkChanged |= !types.equals(storedTypes.getOrDefault(row.code(), List.of()));
				roles.add(new Object[] { row.role(), row.code(), row.role() });
			}
			if (current == null) {
				created++;
			}
			else if (organisationChanged || linkChanged) {
				updated++;
			}
			else {
				unchanged++;
			}
		}
		insertOrganisations(file.type(), inserts);
		updateOrganisations(updates);
		copy("copy directory_organisation_revision (code, import_id, change, attributes) from stdin (format csv)",
				revisions);
		jdbc.batchUpdate("update directory_relationship set valid_from = ?, valid_to = ? where id = ?", linkUpdates);
		jdbc.batchUpdate("delete from directory_relationship where id = ?", linkDeletes);
		copy("copy directory_relationship (child_code, parent_code, valid_from, valid_to) from stdin (format csv)",
				linkInserts);
		structure.replaceTypePeriods(wantedTypes, storedTypes);
		jdbc.batchUpdate("update directory_organisation set ods_role = ? where code = ? and ods_role is distinct from ?",
				roles);
		audit.recordAll(auditEntries);
		return new ImportReport(rows.size(), created, updated, unchanged, warnings, List.of());
	}

	/**
	 * Brings the organisation's dated parent links in line with the file: the same parent keeps its link (dates
	 * corrected if the file says otherwise); a new parent closes the current link the day before the new one starts.
	 */
	private boolean reconcileLink(String child, Parent parent, List<Link> links, LocalDate today,
			List<Object[]> inserts, List<Object[]> updates, List<Object[]> deletes, List<AuditEntry> auditEntries) {
		Link latest = links.isEmpty() ? null : links.get(links.size() - 1);
		if (parent.code() == null) {
			if (latest != null && latest.validTo() == null) {
				// Closed with the organisation when the file says when; otherwise ended yesterday.
				LocalDate end = parent.to() != null ? parent.to() : today.minusDays(1);
				if (parent.to() != null && latest.validFrom() != null && end.isBefore(latest.validFrom())) {
					// A link that would start after the organisation closed (an ICB guessed before its close date
					// was known) never held.
					deletes.add(new Object[] { latest.id() });
					auditEntries.add(membershipChange(child, latest, null, end));
					return true;
				}
				if (latest.validFrom() != null && end.isBefore(latest.validFrom())) {
					end = latest.validFrom();
				}
				updates.add(new Object[] { sqlDate(latest.validFrom()), sqlDate(end), latest.id() });
				auditEntries.add(membershipChange(child, latest, null, end));
				return true;
			}
			return false;
		}
		if (latest != null && latest.parent().equals(parent.code())) {
			if (Objects.equals(latest.validFrom(), parent.from()) && Objects.equals(latest.validTo(), parent.to())) {
				return false;
			}
			updates.add(new Object[] { sqlDate(parent.from()), sqlDate(parent.to()), latest.id() });
			auditEntries.add(membershipChange(child, latest, parent, null));
			return true;
		}
		LocalDate start = parent.from() != null ? parent.from() : (latest == null ? null : today);
		if (latest != null && (latest.validTo() == null || (start != null && !latest.validTo().isBefore(start)))) {
			LocalDate end = start == null ? today.minusDays(1) : start.minusDays(1);
			if (latest.validFrom() != null && end.isBefore(latest.validFrom())) {
				end = latest.validFrom();
			}
			updates.add(new Object[] { sqlDate(latest.validFrom()), sqlDate(end), latest.id() });
		}
		inserts.add(new Object[] { child, parent.code(), sqlDate(start), sqlDate(parent.to()) });
		auditEntries.add(membershipChange(child, latest, new Parent(parent.code(), start, parent.to()), null));
		return true;
	}

	private static AuditEntry membershipChange(String child, Link before, Parent after, LocalDate closedOn) {
		Map<String, Object> beforeState = before == null ? null : linkState(before.parent(), before.validFrom(), before.validTo());
		Map<String, Object> afterState = after == null
				? linkState(before.parent(), before.validFrom(), closedOn)
				: linkState(after.code(), after.from(), after.to());
		return new AuditEntry("MEMBERSHIP_CHANGED", "ORGANISATION", child, child, beforeState, afterState);
	}

	private static Map<String, Object> linkState(String parent, LocalDate from, LocalDate to) {
		var state = new LinkedHashMap<String, Object>();
		state.put("parent", parent);
		state.put("validFrom", from == null ? null : from.toString());
		state.put("validTo", to == null ? null : to.toString());
		return state;
	}

	/**
	 * New organisations, their revisions and links by COPY, not batches: a batch is a statement a row, and each
	 * statement on the organisations and links fires outcomes' read-generation trigger (8,380 practices: three times
	 * 8,380 statements).
	 */
	private void insertOrganisations(OrganisationType type, List<OdsRow> rows) {
		List<Object[]> values = new ArrayList<>(rows.size());
		for (OdsRow row : rows) {
			List<Object> fields = new ArrayList<>(16);
			fields.add(row.code());
			fields.add(type.name());
			fields.add(row.name());
			row.address().forEach(line -> fields.add(storedLine(line)));
			fields.add(row.postcode());
			fields.add(row.openDate());
			fields.add(row.closeDate());
			fields.add(row.status());
			fields.add(row.prescribingSetting());
			fields.add(row.nationalGrouping());
			fields.add(row.healthGeography());
			fields.add(row.telephone());
			values.add(fields.toArray());
		}
		copy("copy directory_organisation (code, type, name, address_line_1, address_line_2, address_line_3,"
				+ " address_line_4, address_line_5, postcode, open_date, close_date, status, prescribing_setting,"
				+ " national_grouping, health_geography, telephone) from stdin (format csv)", values);
	}

	/** Rows of texts, numbers and dates (null as null) by one COPY; nothing for no rows. */
	private void copy(String sql, List<Object[]> rows) {
		CsvCopy.copyRows(dataSource, sql, rows, "Could not store the organisations");
	}

	private void updateOrganisations(List<OdsRow> rows) {
		jdbc.batchUpdate("update directory_organisation set name = ?, address_line_1 = ?, address_line_2 = ?,"
				+ " address_line_3 = ?, address_line_4 = ?, address_line_5 = ?, postcode = ?, open_date = ?,"
				+ " close_date = ?, status = ?, prescribing_setting = ?, national_grouping = ?, health_geography = ?,"
				+ " telephone = ?, placeholder = false, updated_at = now(), version = version + 1 where code = ?", rows,
				1000, (statement, row) -> {
					setAttributes(statement, row, 1);
					statement.setString(15, row.code());
				});
	}

	/** An address line as stored: an empty one is no line. */
	private static String storedLine(String line) {
		return line.isEmpty() ? null : line;
	}

	private static void setAttributes(java.sql.PreparedStatement statement, OdsRow row, int first)
			throws java.sql.SQLException {
		int index = first;
		statement.setString(index++, row.name());
		for (String line : row.address()) {
			statement.setString(index++, storedLine(line));
		}
		statement.setString(index++, row.postcode());
		statement.setObject(index++, sqlDate(row.openDate()), Types.DATE);
		statement.setObject(index++, sqlDate(row.closeDate()), Types.DATE);
		statement.setString(index++, row.status());
		statement.setObject(index++, row.prescribingSetting(), Types.SMALLINT);
		statement.setString(index++, row.nationalGrouping());
		statement.setString(index++, row.healthGeography());
		statement.setString(index, row.telephone());
	}

	private Map<String, Existing> existingOrganisations() {
		Map<String, Existing> existing = new HashMap<>();
		queries.sql("select code, type, placeholder, name, address_line_1 as line1, address_line_2 as line2,"
				+ " address_line_3 as line3, address_line_4 as line4, address_line_5 as line5, postcode, open_date,"
				+ " close_date, status, prescribing_setting, national_grouping, health_geography, telephone"
				+ " from directory_organisation")
			.query(StoredOrganisation.class)
			.list()
			.forEach(row -> existing.put(row.code(), new Existing(row.type(), row.placeholder(), row.attributes())));
		return existing;
	}

	/** Every child's links to parents, oldest first, for the organisations of one type. */
	private Map<String, List<Link>> currentLinks(OrganisationType type) {
		Map<String, List<Link>> links = new HashMap<>();
		queries.sql("select r.id, r.child_code, r.parent_code as parent, r.valid_from, r.valid_to"
				+ " from directory_relationship r join directory_organisation o on o.code = r.child_code where o.type = ?"
				+ " order by r.child_code, r.valid_from nulls first, r.id")
			.param(type.name())
			.query(StoredLink.class)
			.list()
			.forEach(row -> links.computeIfAbsent(row.childCode(), key -> new ArrayList<>())
				.add(new Link(row.id(), row.parent(), row.validFrom(), row.validTo())));
		return links;
	}

	private static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private record Existing(OrganisationType type, boolean placeholder, Map<String, Object> attributes) {
	}

	/** An organisation as stored, its address lines aliased {@code line1} to {@code line5}. */
	private record StoredOrganisation(String code, OrganisationType type, boolean placeholder, String name,
			String line1, String line2, String line3, String line4, String line5, String postcode, LocalDate openDate,
			LocalDate closeDate, String status, Integer prescribingSetting, String nationalGrouping,
			String healthGeography, String telephone) {

		/** The attributes a revision records, in the shape a file's row gives them. */
		Map<String, Object> attributes() {
			return OdsRow.attributes(name, Arrays.asList(line1, line2, line3, line4, line5), postcode, openDate,
					closeDate, status, prescribingSetting, nationalGrouping, healthGeography, telephone);
		}
	}

	private record StoredLink(long id, String childCode, String parent, LocalDate validFrom, LocalDate validTo) {
	}

	private record Link(long id, String parent, LocalDate validFrom, LocalDate validTo) {
	}

	/** The parent a row names, with the dates of the link; {@link #NONE} when it names none. */
	private record Parent(String code, LocalDate from, LocalDate to) {

		static final Parent NONE = new Parent(null, null, null);
	}
}
