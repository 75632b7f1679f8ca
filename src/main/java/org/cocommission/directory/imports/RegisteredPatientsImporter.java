package org.cocommission.directory.imports;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.AgeBand;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.RowMessage;
import org.cocommission.platform.CsvCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads NHS Digital's "Patients registered at a GP practice" file in any of its forms: totals only, 5-year bands,
 * or single years of age. Ages fold into the directory's 5-year bands; totals missing from the file are summed
 * from its bands. Rows are bulk-loaded with COPY and merged, so a national file takes seconds.
 */
@Component
public class RegisteredPatientsImporter {

	static final List<String> HEADER = List.of("PUBLICATION", "EXTRACT_DATE", "TYPE", "CCG_CODE", "ONS_CCG_CODE", "CODE",
			"POSTCODE", "SEX", "AGE", "NUMBER_OF_PATIENTS");

	/** The same columns as published from October 2022, named after sub-ICB locations. */
	static final List<String> SUB_ICB_HEADER = List.of("PUBLICATION", "EXTRACT_DATE", "TYPE", "SUB_ICB_LOCATION_CODE",
			"ONS_SUB_ICB_LOCATION_CODE", "CODE", "POSTCODE", "SEX", "AGE", "NUMBER_OF_PATIENTS");

	private static final String ALL = "ALL";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AuditTrail audit;

	RegisteredPatientsImporter(JdbcClient jdbc, DataSource dataSource, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.audit = audit;
	}

	/** The report, and the extracts whose figures the import created or changed. */
	public record Stored(ImportReport report, List<LocalDate> changedExtracts) {
	}

	public Stored run(InputStream content, long importId) {
		Map<String, Practice> practices = practices();
		var figures = new Figures();
		List<RowMessage> errors = new ArrayList<>();
		List<RowMessage> warnings = new ArrayList<>();
		int rowsRead = 0;
		try (var reader = CsvFiles.read(content)) {
			boolean header = true;
			Map<String, Integer> seen = new HashMap<>();
			Set<String> warnedCcgs = new HashSet<>();
			for (CsvRecord record : reader) {
				int line = (int) record.getStartingLineNumber();
				if (header) {
					header = false;
					List<String> columns = record.getFields().stream().map(String::trim).map(String::toUpperCase).toList();
					if (!columns.equals(HEADER) && !columns.equals(SUB_ICB_HEADER)) {
						errors.add(new RowMessage(line, "the header must be " + String.join(",", HEADER)
								+ " (or, from 2022, with SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE)"));
						break;
					}
					continue;
				}
				rowsRead++;
				try {
					read(record, line, practices, figures, seen, warnedCcgs, warnings);
				}
				catch (IllegalArgumentException ex) {
					errors.add(new RowMessage(line, ex.getMessage()));
				}
			}
		}
		catch (CsvParseException ex) {
			errors.add(new RowMessage(rowsRead + 2, "unreadable CSV: " + ex.getMessage()));
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			errors.add(new RowMessage(0, "the file could not be read: " + ex.getMessage()));
		}
		if (rowsRead == 0 && errors.isEmpty()) {
			errors.add(new RowMessage(0, "the file has no rows"));
		}
		if (!errors.isEmpty()) {
			return new Stored(new ImportReport(rowsRead, 0, 0, 0, warnings, errors), List.of());
		}
		figures.completeTotals(warnings);
		return store(figures, rowsRead, importId, warnings);
	}

	private static void read(CsvRecord record, int line, Map<String, Practice> practices, Figures figures,
			Map<String, Integer> seen, Set<String> warnedCcgs, List<RowMessage> warnings) {
		if (record.getFieldCount() != HEADER.size()) {
			throw new IllegalArgumentException("has " + record.getFieldCount() + " columns; expected " + HEADER.size());
		}
		LocalDate extract = CsvFiles.extractDate(record.getField(1));
		if (!"GP".equalsIgnoreCase(record.getField(2).trim())) {
			throw new IllegalArgumentException("TYPE '" + record.getField(2) + "' is not GP");
		}
		String code = record.getField(5).trim();
		if (!OdsCode.isValid(code)) {
			throw new IllegalArgumentException("bad ODS code '" + code + "'");
		}
		Practice practice = practices.get(code);
		if (practice == null) {
			throw new IllegalArgumentException("unknown parent: practice " + code
					+ " is not in the directory (import epraccur first)");
		}
		String ccg = record.getField(3).trim();
		if (!OdsCode.isValid(ccg)) {
			throw new IllegalArgumentException("bad CCG_CODE '" + ccg + "'");
		}
		String directoryCcg = practice.ccgOn(extract);
		if (!ccg.equals(directoryCcg) && warnedCcgs.add(code)) {
			warnings.add(new RowMessage(line, "practice " + code + " is listed under CCG " + ccg + " but the directory has it in "
					+ (directoryCcg == null ? "no CCG" : directoryCcg) + " on " + extract));
		}
		String sex = record.getField(7).trim().toUpperCase();
		if (!sex.equals("MALE") && !sex.equals("FEMALE") && !sex.equals(ALL)) {
			throw new IllegalArgumentException("SEX '" + record.getField(7) + "' is not MALE, FEMALE or ALL");
		}
		String age = record.getField(8).trim().toUpperCase();
		String band;
		try {
			band = age.equals(ALL) ? ALL : AgeBand.of(age).code();
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("AGE '" + record.getField(8) + "' is not an age, a 5-year band or ALL");
		}
		int patients = patients(record.getField(9));
		Integer first = seen.putIfAbsent(code + '|' + extract + '|' + sex + '|' + age, line);
		if (first != null) {
			throw new IllegalArgumentException("duplicate: " + code + " " + sex + " " + age + " at " + extract
					+ " is already on row " + first);
		}
		figures.add(code, extract, sex, band, ageForm(age), patients);
	}

	private static int patients(String value) {
		try {
			int patients = Integer.parseInt(value.trim());
			if (patients < 0) {
				throw new IllegalArgumentException("NUMBER_OF_PATIENTS " + patients + " is negative");
			}
			return patients;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("NUMBER_OF_PATIENTS '" + value + "' is not a whole number");
		}
	}

	/**
	 * Single years and 5-year bands for the same practice would count people twice. The open top age ({@code 95+})
	 * belongs to both forms.
	 */
	private static String ageForm(String age) {
		if (age.equals(ALL) || age.endsWith("+")) {
			return ALL;
		}
		return age.contains("_") ? "BAND" : "YEAR";
	}

	private Stored store(Figures figures, int rowsRead, long importId, List<RowMessage> warnings) {
		// Dropped first so that several imports can run in one caller's transaction.
		jdbc.sql("drop table if exists incoming_registered_patients").update();
		jdbc.sql("create temporary table incoming_registered_patients (practice_code varchar(12), extract_date date,"
				+ " sex varchar(6), age_band varchar(6), patients integer) on commit drop")
			.update();
		copy(figures.asCsv());
		// Temporary tables are never auto-analysed, and autovacuum lags behind imports made one after another: without
		// fresh statistics on both sides the planner joins the incoming rows to the stored ones with nested loops over
		// a sequential scan, and each further extract loads slower than the last.
		jdbc.sql("analyze incoming_registered_patients").update();
		jdbc.sql("analyze directory_registered_patients").update();
		Map<String, Object> counts = jdbc.sql("""
				select count(*) filter (where e.patients is null) as created,
				       count(*) filter (where e.patients <> i.patients) as updated,
				       count(*) filter (where e.patients = i.patients) as unchanged,
				       array_agg(distinct i.extract_date) filter (where e.patients is distinct from i.patients)
				         as changed_extracts
				from incoming_registered_patients i
				left join directory_registered_patients e using (practice_code, extract_date, sex, age_band)
				""").query().singleRow();
		List<AuditEntry> changes = new ArrayList<>();
		jdbc.sql("""
				select i.practice_code, i.extract_date, e.patients as before, i.patients as after
				from incoming_registered_patients i
				join directory_registered_patients e using (practice_code, extract_date, sex, age_band)
				where i.sex = 'ALL' and i.age_band = 'ALL' and e.patients <> i.patients
				""")
			.query(ChangedList.class)
			.list()
			.forEach(list -> changes.add(new AuditEntry("LIST_SIZE_CHANGED", "REGISTERED_LIST",
					list.practiceCode() + "@" + list.extractDate(), list.practiceCode(),
					Map.of("patients", list.before()), Map.of("patients", list.after()))));
		int created = ((Number) counts.get("created")).intValue();
		int updated = ((Number) counts.get("updated")).intValue();
		int unchanged = ((Number) counts.get("unchanged")).intValue();
		// A file of extracts not stored yet (every first load) is inserted plainly: checking each of 300,000 rows for a
		// conflict that cannot arise cost a sixth of the insert. The import lock keeps other imports out meanwhile.
		String insert = """
				insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients, import_id)
				select practice_code, extract_date, sex, age_band, patients, ? from incoming_registered_patients
				""";
		jdbc.sql(updated + unchanged == 0 ? insert : insert + """
				on conflict (practice_code, extract_date, sex, age_band) do update
				  set patients = excluded.patients, import_id = excluded.import_id
				  where directory_registered_patients.patients <> excluded.patients
				""").params(importId).update();
		var summary = new LinkedHashMap<String, Object>();
		summary.put("extracts", figures.extracts().stream().map(LocalDate::toString).toList());
		summary.put("practices", figures.practiceCount());
		summary.put("created", created);
		summary.put("updated", updated);
		summary.put("unchanged", unchanged);
		changes.add(new AuditEntry("REGISTERED_PATIENTS_IMPORTED", "DIRECTORY_IMPORT", String.valueOf(importId), null,
				null, summary));
		audit.recordAll(changes);
		return new Stored(new ImportReport(rowsRead, created, updated, unchanged, warnings, List.of()),
				changedExtracts(counts.get("changed_extracts")));
	}

	/** A practice's registered list that the file changes. */
	private record ChangedList(String practiceCode, LocalDate extractDate, int before, int after) {
	}

	private static List<LocalDate> changedExtracts(Object array) {
		if (array == null) {
			return List.of();
		}
		try {
			return Arrays.stream((Object[]) ((java.sql.Array) array).getArray())
				.map(date -> ((java.sql.Date) date).toLocalDate())
				.sorted()
				.toList();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void copy(String csv) {
		CsvCopy.copy(dataSource, "copy incoming_registered_patients from stdin (format csv)", csv,
				"Could not bulk-load the registered patients");
	}

	/** Every practice with its dated CCG links, to check the file's CCG_CODE against the CCG on the extract date. */
	private Map<String, Practice> practices() {
		Map<String, Practice> practices = new HashMap<>();
		jdbc.sql("""
				select o.code, r.parent_code, r.valid_from, r.valid_to
				from directory_organisation o
				left join directory_relationship r on r.child_code = o.code
				where o.type = 'GP_PRACTICE'
				""").query(LinkRow.class).list().forEach(link -> {
			Practice practice = practices.computeIfAbsent(link.code(), code -> new Practice(new ArrayList<>()));
			if (link.parentCode() != null) {
				practice.links().add(new CcgLink(link.parentCode(), link.validFrom(), link.validTo()));
			}
		});
		return practices;
	}

	private record LinkRow(String code, String parentCode, LocalDate validFrom, LocalDate validTo) {
	}

	private record CcgLink(String ccg, LocalDate from, LocalDate to) {

		boolean covers(LocalDate date) {
			return (from == null || !from.isAfter(date)) && (to == null || !to.isBefore(date));
		}
	}

	private record Practice(List<CcgLink> links) {

		String ccgOn(LocalDate date) {
			return links.stream().filter(link -> link.covers(date)).map(CcgLink::ccg).findFirst().orElse(null);
		}
	}

	/** The file's figures keyed by practice, extract, sex and band, with the age form each practice used. */
	private static final class Figures {

		private final Map<Key, Integer> patients = new LinkedHashMap<>();

		private final Map<String, String> ageForms = new HashMap<>();

		void add(String practice, LocalDate extract, String sex, String band, String form, int count) {
			if (!form.equals(ALL)) {
				String formKey = practice + '|' + extract + '|' + sex;
				String previous = ageForms.putIfAbsent(formKey, form);
				if (previous != null && !previous.equals(form)) {
					throw new IllegalArgumentException(practice + " mixes single years of age and 5-year bands for "
							+ sex + " at " + extract);
				}
			}
			patients.merge(new Key(practice, extract, sex, band), count, Integer::sum);
		}

		/** Adds the totals a file leaves out (the 5-year file may carry bands only), and flags totals that disagree. */
		void completeTotals(List<RowMessage> warnings) {
			Map<Key, Integer> sums = new HashMap<>();
			for (var entry : patients.entrySet()) {
				Key key = entry.getKey();
				if (!key.band().equals(ALL)) {
					sums.merge(new Key(key.practice(), key.extract(), key.sex(), ALL), entry.getValue(), Integer::sum);
					if (!key.sex().equals(ALL)) {
						sums.merge(new Key(key.practice(), key.extract(), "BANDS", ALL), entry.getValue(), Integer::sum);
					}
				}
			}
			for (var entry : sums.entrySet()) {
				Key key = entry.getKey();
				if (key.sex().equals("BANDS")) {
					continue;
				}
				Integer stated = patients.putIfAbsent(key, entry.getValue());
				if (stated != null && !stated.equals(entry.getValue()) && warnings.size() < 1000) {
					warnings.add(new RowMessage(0, key.practice() + " " + key.sex() + " at " + key.extract()
							+ ": the age bands add up to " + entry.getValue() + " but the total says " + stated));
				}
			}
			for (var entry : sums.entrySet()) {
				Key key = entry.getKey();
				if (!key.sex().equals("BANDS")) {
					continue;
				}
				Key total = new Key(key.practice(), key.extract(), ALL, ALL);
				if (!patients.containsKey(total)) {
					Integer male = patients.get(new Key(key.practice(), key.extract(), "MALE", ALL));
					Integer female = patients.get(new Key(key.practice(), key.extract(), "FEMALE", ALL));
					patients.put(total, male != null && female != null ? male + female : entry.getValue());
				}
			}
		}

		String asCsv() {
			var csv = new StringBuilder(patients.size() * 40);
			patients.forEach((key, count) -> csv.append(key.practice()).append(',').append(key.extract()).append(',')
				.append(key.sex()).append(',').append(key.band()).append(',').append(count).append('\n'));
			return csv.toString();
		}

		Set<LocalDate> extracts() {
			Set<LocalDate> extracts = new java.util.TreeSet<>();
			patients.keySet().forEach(key -> extracts.add(key.extract()));
			return extracts;
		}

		long practiceCount() {
			return patients.keySet().stream().map(Key::practice).distinct().count();
		}

		private record Key(String practice, LocalDate extract, String sex, String band) {
		}
	}
}
