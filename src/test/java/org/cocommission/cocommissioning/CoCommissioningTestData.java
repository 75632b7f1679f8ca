package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Duty;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;
import org.cocommission.identity.UserDuties.DutyGrant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * A small directory: region Y50 with area teams Q50 (CCGs 50A, 50B) and Q51 (CCG 51A), three practices in 50A; and
 * accounts: national, each CCG's accountable officer, a plain 50A user, each area team, a practice.
 */
public final class CoCommissioningTestData {

	public static final String PASSWORD = "cocommissioning-test-1";

	private CoCommissioningTestData() {
	}

	public static void directoryAndUsers(DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		if (accounts.find("cc-national").isPresent()) {
			return;
		}
		importOds(imports, OdsFile.REGIONS, organisation("Y50", "NORTH OF ENGLAND", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q50", "CUMBRIA AREA TEAM", "Y50", "") + organisation("Q51", "DURHAM AREA TEAM", "Y50", ""));
		importOds(imports, OdsFile.ECCG, organisation("50A", "NHS ALPHA CCG", "Y50", "Q50") + organisation("50B", "NHS BETA CCG", "Y50", "Q50")
				+ organisation("51A", "NHS GAMMA CCG", "Y50", "Q51"));
		importOds(imports, OdsFile.EPRACCUR, practice("P50001", "FELL SURGERY", "50A") + practice("P50002", "LAKE PRACTICE", "50A")
				+ practice("P50003", "BECK MEDICAL", "50A") + practice("P50101", "BETA SURGERY", "50B"));
		accounts.create(new NewUser("cc-national", "Board secretary", "board@nhs.example", Role.NATIONAL, "X24", PASSWORD));
		for (String ccg : List.of("50A", "50B", "51A")) {
			accounts.create(new NewUser("cc-ao-" + ccg.toLowerCase(), "Accountable officer " + ccg,
					"ao-" + ccg.toLowerCase() + "@nhs.example", Role.CCG, ccg, PASSWORD));
		}
		accounts.create(new NewUser("cc-plain-50a", "Plain 50A", null, Role.CCG, "50A", PASSWORD));
		accounts.create(new NewUser("cc-area-q50", "Reviewer Q50", "q50@nhs.example", Role.AREA_TEAM, "Q50", PASSWORD));
		accounts.create(new NewUser("cc-area-q51", "Reviewer Q51", null, Role.AREA_TEAM, "Q51", PASSWORD));
		accounts.create(new NewUser("cc-practice", "Practice", null, Role.PRACTICE, "P50001", PASSWORD));
		duties.grantAtStartUp(List.of(new DutyGrant("cc-ao-50a", Duty.ACCOUNTABLE_OFFICER, "50A"),
				new DutyGrant("cc-ao-50b", Duty.ACCOUNTABLE_OFFICER, "50B"),
				new DutyGrant("cc-ao-51a", Duty.ACCOUNTABLE_OFFICER, "51A")));
	}

	/** A round like 2015/16's delegated window: applications due at noon on 9 January 2015, live 1 April 2015. */
	public static NewRound round(String name) {
		// Expressions of interest close after the tests' usual day (1 December 2014), so a test CCG can still express one.
		return new NewRound(name, EnumSet.allOf(CommissioningLevel.class), LocalDateTime.of(2014, 12, 19, 17, 0),
				LocalDateTime.of(2015, 1, 9, 12, 0), LocalDate.of(2015, 4, 1), 0, 4,
				List.of("Integration of care", "Raising standards", "Health inequalities", "Conflicts of interest"));
	}

	/** The CCG expresses interest in the round for the level, then starts its full application, as its user. */
	public static ApplicationView start(Applications applications, long roundId, String ccg, CommissioningLevel level) {
		applications.expressInterest(roundId, ccg, level);
		return applications.start(roundId, ccg, level);
	}

	public static List<NewCommitteeMember> compliantCommittee() {
		return List.of(new NewCommitteeMember("Ann Lay", MemberRole.LAY_MEMBER, true, true),
				new NewCommitteeMember("Bob Lay", MemberRole.LAY_MEMBER, true, false),
				new NewCommitteeMember("Cath Exec", MemberRole.EXECUTIVE, true, false),
				new NewCommitteeMember("Dr Dan", MemberRole.GP_MEMBER, true, false));
	}

	/** Runs {@code work} signed in as {@code username}. */
	public static <T> T as(UserDetailsService users, String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	/**
	 * The audit trail's entries of one record with one of the actions, oldest first: each as its action, then its
	 * state before and after as stored ({@code jsonb}, which keeps its own key order), {@code -} for none.
	 */
	public static List<String> audited(JdbcClient jdbc, String entityType, long id, String... actions) {
		return jdbc.sql("select action || ' ' || coalesce(before_state::text, '-') || ' ' || coalesce(after_state::text, '-')"
				+ " from audit_event where entity_type = ? and entity_id = ? and action = any(?) order by id")
			.params(entityType, String.valueOf(id), actions)
			.query(String.class)
			.list();
	}
}
