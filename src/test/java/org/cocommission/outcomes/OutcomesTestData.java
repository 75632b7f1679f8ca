package org.cocommission.outcomes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small directory for outcomes tests: region Y01, area team Q01, CCGs 01A and 01B, and eight practices (A81001 and
 * A81002, A81004-A81006 from the published samples, B00001-B00003), with registered lists at 1 October 2019.
 */
public final class OutcomesTestData {

	public static final String PASSWORD = "outcomes-test-password";

	public static final List<String> PRACTICES_01A = List.of("A81001", "A81002", "B00001", "B00002");

	public static final List<String> PRACTICES_01B = List.of("A81004", "A81005", "A81006", "B00003");

	private OutcomesTestData() {
	}

	public static void directory(JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts) {
		jdbc.sql("delete from outcomes_slice").update();
		jdbc.sql("delete from outcomes_band_observation").update();
		jdbc.sql("delete from outcomes_value").update();
		jdbc.sql("delete from outcomes_decile").update();
		jdbc.sql("delete from outcomes_range").update();
		jdbc.sql("delete from outcomes_org_attribute").update();
		jdbc.sql("delete from outcomes_peer").update();
		jdbc.sql("delete from outcomes_peer_variable").update();
		if (jdbc.sql("select count(*) from directory_organisation where code = 'B00003'").query(Long.class).single() > 0) {
			return;
		}
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(ods("Y01", "NORTH", "", "", "", "", "", "", "", "", "20130401")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv",
				stream(ods("Q01", "TEES AREA TEAM", "Y01", "", "", "", "", "", "", "", "20130401")));
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("01A", "NHS FIRST CCG") + ccg("01B", "NHS SECOND CCG")));
		StringBuilder practices = new StringBuilder();
		PRACTICES_01A.forEach(code -> practices.append(practice(code, "01A")));
		PRACTICES_01B.forEach(code -> practices.append(practice(code, "01B")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practices.toString()));
		StringBuilder lists = new StringBuilder(
				"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
		int size = 4_000;
		for (String code : PRACTICES_01A) {
			lists.append(patients("01A", code, size += 1_000));
		}
		for (String code : PRACTICES_01B) {
			lists.append(patients("01B", code, size += 1_000));
		}
		imports.importRegisteredPatients("lists.csv", stream(lists.toString()));
		accounts.create(new NewUser("outcomes-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("outcomes-ccg", "CCG user", null, Role.CCG, "01A", PASSWORD));
		accounts.create(new NewUser("outcomes-practice", "Practice user", null, Role.PRACTICE, "B00003", PASSWORD));
	}

	/** Runs {@code action} signed in as {@code username}, as the demo and background imports do. */
	public static <T> T as(UserDetailsService users, String username, java.util.function.Supplier<T> action) {
		return ActingAs.as(users, username, action::get);
	}

	public static String sample(String name) {
		try {
			return new ClassPathResource("samples/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String ods(String... values) {
		List<String> columns = new ArrayList<>(Collections.nCopies(27, ""));
		for (int index = 0; index < values.length; index++) {
			columns.set(index, values[index]);
		}
		return "\"" + String.join("\",\"", columns) + "\"\n";
	}

	private static String ccg(String code, String name) {
		return ods(code, name, "Y01", "Q01", "1 HIGH STREET", "", "TOWN", "", "", "TS1 1AA", "20130401");
	}

	private static String practice(String code, String ccg) {
		return ods(code, "PRACTICE " + code, "Y01", "Q01", "THE HEALTH CENTRE", "HIGH STREET", "TOWN", "", "", "TS1 2AB",
				"19740401", "", "A", "B", ccg, "20130401", "", "01642 000000", "", "", "", "0", "", ccg, "", "4", "");
	}

	/** Bands only (the importer sums the totals): 01A is younger than 01B, so that the two CCGs differ. */
	private static String patients(String ccg, String practice, int count) {
		int young = ccg.equals("01A") ? count / 5 : count / 10;
		int old = ccg.equals("01A") ? count / 10 : count / 5;
		String prefix = "GP_PRAC_PAT_LIST,01OCT2019,GP," + ccg + ",E38000001," + practice + ",TS1 2AB,";
		return prefix + "MALE,0_4," + young + "\n" + prefix + "FEMALE,65_69," + old + "\n" + prefix + "MALE,30_34,"
				+ (count - young - old) + "\n";
	}
}
