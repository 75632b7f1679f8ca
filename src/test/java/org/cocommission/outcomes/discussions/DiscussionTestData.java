package org.cocommission.outcomes.discussions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.stream;

/**
 * A directory for discussion tests: area team Q01 with CCGs 01A-01D and area team Q02 with CCGs 02E and 02F, two
 * practices each (P01A1, P01A2, ...), values of PRAC-DMHBA for 2018/19 and 2019/20, and peer groups set by hand
 * (01A: 01B and 01C; 01B: 01A; 01C: 01A; 01D: 01C; 02E: 02F; 02F: 02E) so that who is whose peer is plain. One user
 * per organisation, and a second in CCG 01A.
 */
final class DiscussionTestData {

	static final String PASSWORD = "discussion-test-password";

	static final String INDICATOR = "PRAC-DMHBA";

	static final List<String> CCGS = List.of("01A", "01B", "01C", "01D", "02E", "02F");

	static final Map<String, List<String>> PEERS = Map.of("01A", List.of("01B", "01C"), "01B", List.of("01A"), "01C",
			List.of("01A"), "01D", List.of("01C"), "02E", List.of("02F"), "02F", List.of("02E"));

	private DiscussionTestData() {
	}

	static void load(JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts, UserDetailsService users,
			ObservationImports observations) {
		jdbc.sql("delete from outcomes_discussion_mention").update();
		jdbc.sql("delete from outcomes_discussion_comment").update();
		jdbc.sql("delete from outcomes_discussion_status").update();
		jdbc.sql("delete from outcomes_discussion").update();
		jdbc.sql("delete from notification_notice").update();
		jdbc.sql("delete from notification_email_outbox").update();
		if (jdbc.sql("select count(*) from directory_organisation where code = 'P02F2'").query(Long.class).single() > 0) {
			peersByHand(jdbc);
			return;
		}
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(ods("Y01", "NORTH", "", "", "", "", "", "", "", "", "20130401")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(ods("Q01", "FIRST AREA TEAM", "Y01", "", "", "", "",
				"", "", "", "20130401") + ods("Q02", "SECOND AREA TEAM", "Y01", "", "", "", "", "", "", "", "20130401")));
		StringBuilder ccgs = new StringBuilder();
		StringBuilder practices = new StringBuilder();
		StringBuilder lists = new StringBuilder(
				"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
		StringBuilder values = new StringBuilder("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n");
		int n = 0;
		for (String ccg : CCGS) {
			String area = ccg.startsWith("01") ? "Q01" : "Q02";
			ccgs.append(ods(ccg, "NHS CCG " + ccg, "Y01", area, "1 HIGH STREET", "", "TOWN", "", "", "TS1 1AA", "20130401"));
			for (int p = 1; p <= 2; p++) {
				String code = "P" + ccg + p;
				n++;
				practices.append(ods(code, "PRACTICE " + code, "Y01", area, "THE HEALTH CENTRE", "HIGH STREET", "TOWN", "",
						"", "TS1 2AB", "19740401", "", "A", "B", ccg, "20130401", "", "01642 000000", "", "", "", "0", "",
						ccg, "", "4", ""));
				lists.append("GP_PRAC_PAT_LIST,01OCT2019,GP," + ccg + ",E38000001," + code + ",TS1 2AB,MALE,30_34,"
						+ (3000 + 100 * n) + "\n");
				values.append(code + "," + INDICATOR + ",2018/19," + (100 + 10 * n) + ",400\n");
				values.append(code + "," + INDICATOR + ",2019/20," + (120 + 9 * n) + ",400\n");
			}
		}
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccgs.toString()));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practices.toString()));
		imports.importRegisteredPatients("lists.csv", stream(lists.toString()));
		// After the imports, whose commits recompute the peers from the directory.
		peersByHand(jdbc);
		// One batch with one password hash: hashing twenty passwords one by one takes seconds.
		List<UserAccounts.DemoAccount> people = new ArrayList<>();
		people.add(account("disc-national", Role.NATIONAL, "X24"));
		people.add(account("disc-area-q01", Role.AREA_TEAM, "Q01"));
		people.add(account("disc-area-q02", Role.AREA_TEAM, "Q02"));
		for (String ccg : CCGS) {
			people.add(account("disc-ccg-" + ccg.toLowerCase(), Role.CCG, ccg));
			if (ccg.equals("01A")) {
				people.add(account("disc-ccg-01a-colleague", Role.CCG, ccg));
			}
			for (int p = 1; p <= 2; p++) {
				people.add(account("disc-p" + ccg.toLowerCase() + p, Role.PRACTICE, "P" + ccg + p));
			}
		}
		accounts.createDemoAccounts(people, PASSWORD);
		as(users, "disc-national", () -> observations.importFile(ImportFormat.LONG, null, "values.csv",
				stream(values.toString())));
	}

	/** The CCG peers above, and no practice peers, whatever the directory's imports computed. */
	private static void peersByHand(JdbcClient jdbc) {
		jdbc.sql("delete from outcomes_practice_peer").update();
		jdbc.sql("delete from outcomes_peer").update();
		PEERS.forEach((ccg, peers) -> {
			for (int rank = 0; rank < peers.size(); rank++) {
				jdbc.sql("insert into outcomes_peer (ccg_code, rank, peer_code, distance, computed_at) values (?, ?, ?, ?, now())")
					.params(ccg, rank + 1, peers.get(rank), 0.5 + rank)
					.update();
			}
		});
	}

	/** A later import: a new year and changed figures for the last, which recomputes every value. */
	static void importLater(UserDetailsService users, ObservationImports observations) {
		StringBuilder values = new StringBuilder("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n");
		int n = 0;
		for (String ccg : CCGS) {
			for (int p = 1; p <= 2; p++) {
				n++;
				values.append("P" + ccg + p + "," + INDICATOR + ",2019/20," + (200 + 7 * n) + ",400\n");
				values.append("P" + ccg + p + "," + INDICATOR + ",2020/21," + (250 + 5 * n) + ",400\n");
			}
		}
		as(users, "disc-national", () -> observations.importFile(ImportFormat.LONG, null, "later.csv",
				stream(values.toString())));
	}

	private static UserAccounts.DemoAccount account(String username, Role role, String org) {
		return new UserAccounts.DemoAccount(username, "Person " + username, username + "@example.nhs.uk", role, org);
	}

	private static String ods(String... values) {
		List<String> columns = new ArrayList<>(Collections.nCopies(27, ""));
		for (int index = 0; index < values.length; index++) {
			columns.set(index, values[index]);
		}
		return "\"" + String.join("\",\"", columns) + "\"\n";
	}
}
