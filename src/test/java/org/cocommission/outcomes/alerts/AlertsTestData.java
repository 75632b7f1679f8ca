package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesTestData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.cocommission.outcomes.OutcomesTestData.stream;

/**
 * A crafted set for trends and alerts: region Y01, area teams Q71 (CCG 71A) and Q72 (CCG 72A), four practices each,
 * and two years of two indicators. PRAC-DMHBA (high is good): C71001 falls from 70% to 60% and to the bottom decile,
 * taking CCG 71A significantly down with it. PRAC-EMADM (low is good): C72001 rises from 10 to 15 per 1,000, into the
 * top (worst) decile. So Q71 has three alerts (C71001 twice, 71A once) and Q72 two (C72001 twice).
 */
final class AlertsTestData {

	static final String PASSWORD = "alerts-test-password";

	static final List<String> PRACTICES = List.of("C71001", "C71002", "C71003", "C71004", "C72001", "C72002", "C72003",
			"C72004");

	static final String CSV = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ rows("PRAC-DMHBA", "2013/14", 1000, 700, 690, 710, 705, 695, 720, 715, 500)
			+ rows("PRAC-DMHBA", "2014/15", 1000, 600, 690, 710, 705, 695, 715, 715, 720)
			+ rows("PRAC-EMADM", "2013/14", 10_000, 100, 100, 100, 100, 100, 100, 100, 100)
			+ rows("PRAC-EMADM", "2014/15", 10_000, 100, 100, 100, 100, 150, 100, 100, 100);

	/** Raises alerts in its own indicator, so that withdrawing them leaves the set above as it is. */
	static final String CORRECTED_INDICATOR = "PRAC-CERV";

	/**
	 * Cervical screening (high is good) in which C72002's 2014/15 figure was keyed wrongly (600 screened instead of
	 * 770): it looks significantly worse and in the worst decile, taking CCG 72A down with it.
	 */
	static final String WRONG = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ rows(CORRECTED_INDICATOR, "2013/14", 1000, 750, 740, 760, 755, 745, 770, 765, 750)
			+ rows(CORRECTED_INDICATOR, "2014/15", 1000, 750, 740, 760, 755, 745, 600, 765, 750);

	/** The same file corrected: 2014/15 as 2013/14, so nothing got worse. */
	static final String CORRECTED = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ rows(CORRECTED_INDICATOR, "2013/14", 1000, 750, 740, 760, 755, 745, 770, 765, 750)
			+ rows(CORRECTED_INDICATOR, "2014/15", 1000, 750, 740, 760, 755, 745, 770, 765, 750);

	/** The indicators of the crafted set above; the tests of corrections and moves use others of their own. */
	static final List<String> BASE_INDICATORS = List.of("PRAC-DMHBA", "PRAC-EMADM");

	/** Raises alerts of a practice that has since moved CCG, in an indicator of its own. */
	static final String MOVED_INDICATOR = "PRAC-FLU65";

	/** Flu vaccination (high is good) in which C72003 falls from 75% to 60% in 2014/15. */
	static final String MOVED_WORSE = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ rows(MOVED_INDICATOR, "2013/14", 1000, 750, 750, 750, 750, 750, 750, 750, 750)
			+ rows(MOVED_INDICATOR, "2014/15", 1000, 750, 750, 750, 750, 750, 750, 600, 750);

	/** The same without the fall, which withdraws its alerts again. */
	static final String MOVED_CORRECTED = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ rows(MOVED_INDICATOR, "2013/14", 1000, 750, 750, 750, 750, 750, 750, 750, 750)
			+ rows(MOVED_INDICATOR, "2014/15", 1000, 750, 750, 750, 750, 750, 750, 750, 750);

	private AlertsTestData() {
	}

	static void directory(JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts) {
		if (jdbc.sql("select count(*) from directory_organisation where code = 'C72004'").query(Long.class).single() > 0) {
			return;
		}
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(ods("Y01", "NORTH", "", "", "", "", "", "", "", "", "20130401")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv",
				stream(ods("Q71", "FIRST AREA TEAM", "Y01", "", "", "", "", "", "", "", "20130401")
						+ ods("Q72", "SECOND AREA TEAM", "Y01", "", "", "", "", "", "", "", "20130401")));
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("71A", "NHS SEVENTY-ONE CCG", "Q71")
				+ ccg("72A", "NHS SEVENTY-TWO CCG", "Q72")));
		StringBuilder practices = new StringBuilder();
		PRACTICES.forEach(code -> practices.append(practice(code, code.startsWith("C71") ? "71A" : "72A",
				code.startsWith("C71") ? "Q71" : "Q72")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practices.toString()));
		accounts.create(new NewUser("alerts-national", "National", "national@example.nhs.uk", Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("alerts-area-q71", "Area Q71", "q71@example.nhs.uk", Role.AREA_TEAM, "Q71", PASSWORD));
		accounts.create(new NewUser("alerts-area-q72", "Area Q72", "q72@example.nhs.uk", Role.AREA_TEAM, "Q72", PASSWORD));
		accounts.create(new NewUser("alerts-ccg-71a", "CCG 71A", "ccg71a@example.nhs.uk", Role.CCG, "71A", PASSWORD));
		accounts.create(new NewUser("alerts-ccg-72a", "CCG 72A", null, Role.CCG, "72A", PASSWORD));
		accounts.create(new NewUser("alerts-practice-c71001", "Practice C71001", null, Role.PRACTICE, "C71001", PASSWORD));
		accounts.create(new NewUser("alerts-practice-c72001", "Practice C72001", null, Role.PRACTICE, "C72001", PASSWORD));
		accounts.create(new NewUser("alerts-practice-c72002", "Practice C72002", null, Role.PRACTICE, "C72002", PASSWORD));
	}

	/** Imports the two years as the national user; the import recomputes and raises the alerts. */
	static ObservationImportReport load(ObservationImports imports, UserDetailsService users) {
		return OutcomesTestData.as(users, "alerts-national",
				() -> imports.importFile(ImportFormat.LONG, null, "alerts.csv", stream(CSV)));
	}

	/** Imports a file as the national user; the import recomputes, raises and withdraws alerts. */
	static ObservationImportReport load(ObservationImports imports, UserDetailsService users, String csv) {
		return OutcomesTestData.as(users, "alerts-national",
				() -> imports.importFile(ImportFormat.LONG, null, "corrections.csv", stream(csv)));
	}

	private static String rows(String indicator, String period, int denominator, int... numerators) {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < numerators.length; i++) {
			rows.append(PRACTICES.get(i)).append(',').append(indicator).append(',').append(period).append(',')
				.append(numerators[i]).append(',').append(denominator).append('\n');
		}
		return rows.toString();
	}

	private static String ods(String... values) {
		List<String> columns = new ArrayList<>(Collections.nCopies(27, ""));
		for (int index = 0; index < values.length; index++) {
			columns.set(index, values[index]);
		}
		return "\"" + String.join("\",\"", columns) + "\"\n";
	}

	private static String ccg(String code, String name, String areaTeam) {
		return ods(code, name, "Y01", areaTeam, "1 HIGH STREET", "", "TOWN", "", "", "TS1 1AA", "20130401");
	}

	private static String practice(String code, String ccg, String areaTeam) {
		return ods(code, "PRACTICE " + code, "Y01", areaTeam, "THE HEALTH CENTRE", "HIGH STREET", "TOWN", "", "", "TS1 2AB",
				"19740401", "", "A", "B", ccg, "20130401", "", "01642 000000", "", "", "", "0", "", ccg, "", "4", "");
	}
}
