package org.cocommission.directory.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.directory.OdsCode;
import org.cocommission.directory.OdsFile;
import org.cocommission.directory.OrganisationStatus;

/**
 * One row of an ODS organisation file (headerless, 27 columns; column numbers as the ODS documents them, from 1).
 * Construction validates every field and throws IllegalArgumentException with a message for the row report.
 */
public record OdsRow(int row, String code, String name, String nationalGrouping, String healthGeography,
		List<String> address, String postcode, LocalDate openDate, LocalDate closeDate, String status,
		String commissioner, LocalDate joinDate, LocalDate leftDate, String telephone, Integer prescribingSetting,
		String role) {

	static final int COLUMNS = 27;

	public static OdsRow parse(CsvRecord record, OdsFile file) {
		int row = (int) record.getStartingLineNumber();
		if (record.getFieldCount() != COLUMNS) {
			throw new IllegalArgumentException("has " + record.getFieldCount() + " columns; the ODS layout has " + COLUMNS);
		}
		String code = record.getField(0).trim();
		if (!OdsCode.isValid(code)) {
			throw new IllegalArgumentException("bad ODS code '" + code + "'");
		}
		String name = record.getField(1).trim();
		if (name.isEmpty()) {
			throw new IllegalArgumentException(code + " has no name");
		}
		LocalDate open = CsvFiles.odsDate(record.getField(10), "open date");
		LocalDate close = CsvFiles.odsDate(record.getField(11), "close date");
		if (open != null && close != null && close.isBefore(open)) {
			throw new IllegalArgumentException("invalid date: close date " + close + " is before open date " + open);
		}
		String status = CsvFiles.blankToNull(record.getField(12));
		if (file == OdsFile.EPRACCUR && !OrganisationStatus.isKnown(status)) {
			throw new IllegalArgumentException("invalid status '" + record.getField(12) + "' (expected A, C, D or P)");
		}
		if (file != OdsFile.EPRACCUR && status != null && !OrganisationStatus.isKnown(status)) {
			status = null;
		}
		String commissioner = null;
		LocalDate join = null;
		LocalDate left = null;
		Integer setting = null;
		if (file == OdsFile.EPRACCUR) {
			commissioner = CsvFiles.blankToNull(record.getField(14));
			if (commissioner != null && !OdsCode.isValid(commissioner)) {
				throw new IllegalArgumentException("bad commissioner code '" + commissioner + "'");
			}
			join = CsvFiles.odsDate(record.getField(15), "join commissioner date");
			left = CsvFiles.odsDate(record.getField(16), "left commissioner date");
			if (join != null && left != null && left.isBefore(join)) {
				throw new IllegalArgumentException("invalid date: left commissioner date " + left
						+ " is before join date " + join);
			}
			setting = prescribingSetting(record.getField(25));
		}
		// eccg.csv's column 14 is the ODS role (RO319 a sub-ICB location); epraccur's is the organisation sub-type.
		String role = file == OdsFile.ECCG ? CsvFiles.blankToNull(record.getField(13)) : null;
		List<String> address = record.getFields().subList(4, 9).stream().map(String::trim).toList();
		return new OdsRow(row, code, name, CsvFiles.blankToNull(record.getField(2)),
				CsvFiles.blankToNull(record.getField(3)), address, CsvFiles.blankToNull(record.getField(9)), open, close,
				status, commissioner, join, left, CsvFiles.blankToNull(record.getField(17)), setting, role);
	}

	private static Integer prescribingSetting(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("no prescribing setting (column 26)");
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("invalid prescribing setting '" + value + "'");
		}
	}

	/** The stored attributes, in a stable order, as compared on re-import and kept in revisions. */
	public Map<String, Object> attributes() {
		List<String> lines = new ArrayList<>();
		address.forEach(line -> lines.add(line.isEmpty() ? null : line));
		return attributes(name, lines, postcode, openDate, closeDate, status, prescribingSetting, nationalGrouping,
				healthGeography, telephone);
	}

	/**
	 * An organisation's attributes as compared on re-import and kept in revisions, in the order revisions have always
	 * listed them: one shape for a file's row and for what is stored, so that an unchanged row compares equal.
	 */
	public static Map<String, Object> attributes(String name, List<String> addressLines, String postcode,
			LocalDate openDate, LocalDate closeDate, String status, Integer prescribingSetting, String nationalGrouping,
			String healthGeography, String telephone) {
		var attributes = new LinkedHashMap<String, Object>();
		attributes.put("name", name);
		for (int line = 0; line < 5; line++) {
			attributes.put("addressLine" + (line + 1), addressLines.get(line));
		}
		attributes.put("postcode", postcode);
		attributes.put("openDate", openDate == null ? null : openDate.toString());
		attributes.put("closeDate", closeDate == null ? null : closeDate.toString());
		attributes.put("status", status);
		attributes.put("prescribingSetting", prescribingSetting);
		attributes.put("nationalGrouping", nationalGrouping);
		attributes.put("healthGeography", healthGeography);
		attributes.put("telephone", telephone);
		return attributes;
	}
}
