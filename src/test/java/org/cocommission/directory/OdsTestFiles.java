package org.cocommission.directory;

/** Small ODS files in their published 27-column layout, for other modules' tests to build a directory with. */
public final class OdsTestFiles {

	private OdsTestFiles() {
	}

	public static void importOds(DirectoryImports imports, OdsFile file, String rows) {
		imports.importOds(file, file.slug() + ".csv", DirectoryTestData.stream(rows));
	}

	/** A region, area team or CCG open since 1 April 2013, under its national grouping and health geography. */
	public static String organisation(String code, String name, String nationalGrouping, String healthGeography) {
		return organisation(code, name, nationalGrouping, healthGeography, "20130401");
	}

	public static String organisation(String code, String name, String nationalGrouping, String healthGeography,
			String openDate) {
		return DirectoryTestData.odsRow(code, name, nationalGrouping, healthGeography, "", "", "", "", "", "", openDate);
	}

	/** An active GP practice (prescribing setting 4) in {@code ccg} since 1 April 2013. */
	public static String practice(String code, String name, String ccg) {
		return DirectoryTestData.odsRow(code, name, "", "", "", "", "", "", "", "", "19740401", "", "A", "", ccg,
				"20130401", "", "", "", "", "", "", "", "", "", "4");
	}
}
