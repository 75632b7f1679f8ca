package org.cocommission.directory.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small crafted directory: one region, two area teams, four CCGs (one a placeholder, one with no area team) and
 * eight practices, including a gap (F82004 has no CCG) and an overlap (F82005 is in two CCGs at once).
 * NHS England (X24) comes with the schema. The region is flagged synthetic, as the demo data would be.
 */
public final class DirectoryFixture {

	public static final LocalDate EARLIER_EXTRACT = LocalDate.of(2024, 1, 1);

	public static final LocalDate LATEST_EXTRACT = LocalDate.of(2024, 4, 1);

	private static final LocalDate APRIL_2013 = LocalDate.of(2013, 4, 1);

	private DirectoryFixture() {
	}

	/** Inserts the directory once per database: the test classes that share a Spring context share it. */
	public static synchronized void insertOnce(JdbcClient jdbc) {
		if (jdbc.sql("select exists (select 1 from directory_organisation where code = 'Y56')")
			.query(Boolean.class)
			.single()) {
			return;
		}
		organisation(jdbc, "Y56", "REGION", "London Commissioning Region", null, null, null, null, false);
		jdbc.sql("update directory_organisation set synthetic = true where code = 'Y56'").update();
		organisation(jdbc, "Q71", "AREA_TEAM", "London Area Team", "SE1 6LH", null, null, null, false);
		organisation(jdbc, "Q72", "AREA_TEAM", "North East London Area Team", "E1 1AA", null, null, null, false);
		organisation(jdbc, "07L", "CCG", "NHS Barking and Dagenham CCG", "RM10 7AS", null, null, null, false);
		organisation(jdbc, "08F", "CCG", "NHS Havering CCG", "RM1 3HR", null, null, null, false);
		organisation(jdbc, "09A", "CCG", "NHS Orphan Vale CCG", "ZZ1 1ZZ", null, null, null, false);
		organisation(jdbc, "99X", "CCG", "99X", null, null, null, null, true);
		organisation(jdbc, "F82001", "GP_PRACTICE", "Barking Medical Centre", "IG11 8QU", "A", 4, null, false);
		organisation(jdbc, "F82002", "GP_PRACTICE", "Abbey Road Surgery", "IG11 7AA", "A", 4, null, false);
		organisation(jdbc, "F82003", "GP_PRACTICE", "Havering Family Practice", "RM1 4AA", "A", 4, null, false);
		organisation(jdbc, "F82004", "GP_PRACTICE", "Lonely Lane Surgery", "RM8 2BB", "A", 4, null, false);
		organisation(jdbc, "F82005", "GP_PRACTICE", "Border Health Centre", "RM7 0AA", "A", 4, null, false);
		organisation(jdbc, "F82006", "GP_PRACTICE", "Barking Walk-in Centre", "IG11 9ZZ", "A", 1, null, false);
		organisation(jdbc, "F82007", "GP_PRACTICE", "Closed Road Surgery", "IG11 0CC", "C", 4, LocalDate.of(2014, 6, 30),
				false);
		organisation(jdbc, "F82008", "GP_PRACTICE", "Unknown Commissioner Practice", "RM9 9XX", "A", 4, null, false);

		link(jdbc, "Y56", "X24", APRIL_2013, null);
		link(jdbc, "Q71", "Y56", APRIL_2013, null);
		link(jdbc, "Q72", "Y56", APRIL_2013, null);
		link(jdbc, "07L", "Q71", APRIL_2013, null);
		// Havering moved area team after its first year: the history keeps both links.
		link(jdbc, "08F", "Q72", APRIL_2013, LocalDate.of(2014, 3, 31));
		link(jdbc, "08F", "Q71", LocalDate.of(2014, 4, 1), null);
		link(jdbc, "F82001", "07L", APRIL_2013, null);
		link(jdbc, "F82002", "07L", APRIL_2013, null);
		link(jdbc, "F82003", "08F", APRIL_2013, null);
		link(jdbc, "F82005", "07L", APRIL_2013, null);
		link(jdbc, "F82005", "08F", APRIL_2013, null);
		link(jdbc, "F82006", "07L", APRIL_2013, null);
		link(jdbc, "F82007", "07L", APRIL_2013, null);
		link(jdbc, "F82008", "99X", APRIL_2013, null);

		listSize(jdbc, "F82001", 3_900, 4_000);
		listSize(jdbc, "F82002", 2_950, 3_000);
		listSize(jdbc, "F82003", 2_000, 2_000);
		listSize(jdbc, "F82004", 480, 500);
		listSize(jdbc, "F82005", 500, 500);
		listSize(jdbc, "F82008", 1_000, 1_000);
		// F82001 by band and sex at the latest extract: 2,242 males and 1,827 females.
		List<String> bands = List.of("0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
				"50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90+");
		int males = 0;
		for (int index = 0; index < bands.size(); index++) {
			int male = 100 + 2 * index;
			int female = index == bands.size() - 1 ? 0 : 110 - index;
			patients(jdbc, "F82001", LATEST_EXTRACT, "MALE", bands.get(index), male);
			patients(jdbc, "F82001", LATEST_EXTRACT, "FEMALE", bands.get(index), female);
			males += male;
		}
		patients(jdbc, "F82001", LATEST_EXTRACT, "MALE", "ALL", males);

		jdbc.sql("insert into directory_organisation_revision (code, recorded_at, change, attributes)"
				+ " values ('F82001', timestamptz '2024-01-05 10:00:00+00', 'CREATED', cast(? as jsonb))")
			.param("{\"name\": \"Barking Medical Centre\", \"postcode\": \"IG11 8QT\", \"status\": \"A\"}")
			.update();
		jdbc.sql("insert into directory_organisation_revision (code, recorded_at, change, attributes)"
				+ " values ('F82001', timestamptz '2024-04-05 10:00:00+00', 'UPDATED', cast(? as jsonb))")
			.param("{\"name\": \"Barking Medical Centre\", \"postcode\": \"IG11 8QU\", \"status\": \"A\"}")
			.update();
	}

	private static void organisation(JdbcClient jdbc, String code, String type, String name, String postcode,
			String status, Integer setting, LocalDate closeDate, boolean placeholder) {
		jdbc.sql("insert into directory_organisation (code, type, name, address_line_1, postcode, open_date, close_date,"
				+ " status, prescribing_setting, telephone, placeholder) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(code, type, name, placeholder ? null : "1 High Street", postcode, placeholder ? null : APRIL_2013,
					closeDate, status, setting, placeholder ? null : "020 7946 0000", placeholder)
			.update();
	}

	private static void link(JdbcClient jdbc, String child, String parent, LocalDate from, LocalDate to) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to) values (?, ?, ?, ?)")
			.params(child, parent, from, to)
			.update();
	}

	private static void listSize(JdbcClient jdbc, String practice, int earlier, int latest) {
		patients(jdbc, practice, EARLIER_EXTRACT, "ALL", "ALL", earlier);
		patients(jdbc, practice, LATEST_EXTRACT, "ALL", "ALL", latest);
	}

	private static void patients(JdbcClient jdbc, String practice, LocalDate extract, String sex, String band,
			int patients) {
		jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
				+ " values (?, ?, ?, ?, ?)")
			.params(practice, extract, sex, band, patients)
			.update();
	}
}
