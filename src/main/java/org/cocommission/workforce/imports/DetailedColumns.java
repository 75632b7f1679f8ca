package org.cocommission.workforce.imports;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of the practice-level "Detailed" file across its vintages (docs/domain-rules.md#workforce): each known
 * older name is mapped to today's, figures are kept by that name, descriptive columns are skipped and anything else is
 * reported as a warning and left out.
 */
public final class DetailedColumns {

	static final String PRACTICE_CODE = "PRAC_CODE";

	static final String PRACTICE_NAME = "PRAC_NAME";

	static final String EXTRACT_DATE = "EXTRACT_DATE";

	public static final String PATIENTS = "TOTAL_PATIENTS";

	/** The commissioner columns, in the order preferred when a file has more than one. */
	public static final java.util.List<String> COMMISSIONER = java.util.List.of("SUB_ICB_CODE", "SUB_ICB_LOC_CODE",
			"SUB_ICB_LOCATION_CODE", "CCG_CODE", "COMMISSIONER_CODE");

	/** Older names of today's columns. */
	private static final Map<String, String> VINTAGES = Map.ofEntries(Map.entry("PRACTICE_CODE", PRACTICE_CODE),
			Map.entry("PRACTICE_NAME", PRACTICE_NAME), Map.entry("TOTAL_REG_PATIENTS", PATIENTS),
			Map.entry("TOTAL_PATIENT", PATIENTS), Map.entry("TOTAL_GP_EXL_HC", "TOTAL_GP_EXTGL_HC"),
			Map.entry("TOTAL_GP_EXL_FTE", "TOTAL_GP_EXTGL_FTE"), Map.entry("TOTAL_GP_EXRRL_HC", "TOTAL_GP_EXTGL_HC"),
			Map.entry("TOTAL_GP_EXRRL_FTE", "TOTAL_GP_EXTGL_FTE"), Map.entry("TOTAL_GP_REG_HC", "TOTAL_GP_TRN_GR_HC"),
			Map.entry("TOTAL_GP_REG_FTE", "TOTAL_GP_TRN_GR_FTE"),
			Map.entry("TOTAL_GP_REGISTRAR_HC", "TOTAL_GP_TRN_GR_HC"),
			Map.entry("TOTAL_GP_REGISTRAR_FTE", "TOTAL_GP_TRN_GR_FTE"),
			Map.entry("TOTAL_GP_PARTNER_HC", "TOTAL_GP_PTNR_PROV_HC"),
			Map.entry("TOTAL_GP_PARTNER_FTE", "TOTAL_GP_PTNR_PROV_FTE"),
			Map.entry("TOTAL_GP_SALARIED_HC", "TOTAL_GP_SAL_BY_PRAC_HC"),
			Map.entry("TOTAL_GP_SALARIED_FTE", "TOTAL_GP_SAL_BY_PRAC_FTE"), Map.entry("TOTAL_NURSE_HC", "TOTAL_NURSES_HC"),
			Map.entry("TOTAL_NURSE_FTE", "TOTAL_NURSES_FTE"), Map.entry("TOTAL_ADMIN_NON_CLINICAL_HC", "TOTAL_ADMIN_HC"),
			Map.entry("TOTAL_ADMIN_NON_CLINICAL_FTE", "TOTAL_ADMIN_FTE"));

	/** A headcount or FTE of a staff group, its roles, ages or sexes: {@code TOTAL_GP_HC_55TO59}, {@code MALE_GP_FTE}. */
	private static final Pattern FIGURE = Pattern
		.compile("^(TOTAL|MALE|FEMALE)_(GP|NURSES|DPC|ADMIN)(_[A-Z0-9]+)*$");

	private static final Pattern HC_OR_FTE = Pattern.compile("(^|_)(HC|FTE)(_|$)");

	/** Descriptive columns that are not figures: names and codes of the practice's organisations. */
	private static final Set<String> DESCRIPTIVE = Set.of("PRAC_POSTCODE", "POSTCODE", "PUBLICATION", "YEAR", "MONTH");

	public enum Kind {

		PRACTICE_CODE, PRACTICE_NAME, COMMISSIONER, EXTRACT_DATE, FIGURE, DESCRIPTIVE, UNKNOWN
	}

	/** A column of the file: what it is and, for a figure, today's name of it. */
	public record Column(int index, String published, Kind kind, String name) {
	}

	private DetailedColumns() {
	}

	public static Column classify(int index, String header) {
		String published = WorkforceCsv.columnName(header);
		String name = VINTAGES.getOrDefault(published, published);
		if (name.equals(PRACTICE_CODE)) {
			return new Column(index, published, Kind.PRACTICE_CODE, name);
		}
		if (name.equals(PRACTICE_NAME)) {
			return new Column(index, published, Kind.PRACTICE_NAME, name);
		}
		if (COMMISSIONER.contains(name)) {
			return new Column(index, published, Kind.COMMISSIONER, name);
		}
		if (name.equals(EXTRACT_DATE)) {
			return new Column(index, published, Kind.EXTRACT_DATE, name);
		}
		if (name.equals(PATIENTS) || (FIGURE.matcher(name).matches() && HC_OR_FTE.matcher(name).find())) {
			return new Column(index, published, Kind.FIGURE, name);
		}
		if (DESCRIPTIVE.contains(name) || name.endsWith("_NAME") || name.endsWith("_CODE")) {
			return new Column(index, published, Kind.DESCRIPTIVE, name);
		}
		return new Column(index, published, Kind.UNKNOWN, name);
	}
}
