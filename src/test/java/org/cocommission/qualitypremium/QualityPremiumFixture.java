package org.cocommission.qualitypremium;

import java.time.LocalDate;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory and users quality premium's tests stand on, written straight into the tables. Every write is
 * idempotent, so a test class may call it before each test.
 * <p>
 * Imported ({@code @Import(QualityPremiumFixture.class)}) by every quality premium test that needs the whole
 * application, which therefore share one application context and one database. They stay apart by their own codes and
 * years, because a run counts every CCG with a list at the extract its year reads (the latest on or before 1 April):
 * <ul>
 * <li>{@code QualityPremiumScenarioTests}: CCGs {@code QP*}, lists at 1 April 2013, runs of 2013/14, the 2014/15
 * scheme copied to 2031/32;</li>
 * <li>{@code QualityPremiumDoneWhenPageTests}: {@code QD*}, lists at 1 April 2014, runs of 2014/15 and of a copy for
 * 2041/42;</li>
 * <li>{@code OutcomesMeasureResultsTests}: {@code QO*}, lists at 1 April 2045, runs of a copy of 2013/14 for 2045/46
 * (the only outcomes values of the context are theirs), a copy for 2033/34.</li>
 * </ul>
 */
public class QualityPremiumFixture {

	/** Every fixture user's password. */
	public static final String PASSWORD = "correct-horse-battery";

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	QualityPremiumFixture(JdbcClient jdbc, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public void organisation(String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name) values (?, ?, ?) on conflict do nothing")
			.params(code, type, name).update();
	}

	/** An organisation that belongs to {@code parent}. */
	public void organisation(String code, String type, String name, String parent) {
		organisation(code, type, name);
		link(code, parent);
	}

	public void link(String child, String parent) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code) select ?, ?"
				+ " where not exists (select 1 from directory_relationship where child_code = ? and parent_code = ?)")
			.params(child, parent, child, parent).update();
	}

	/** A CCG of {@code areaTeam} with one practice, {@code code}001, whose list at {@code extract} is {@code patients}. */
	public void ccg(String code, String name, String areaTeam, String practiceName, LocalDate extract, int patients) {
		organisation(code, "CCG", name, areaTeam);
		organisation(code + "001", "GP_PRACTICE", practiceName, code);
		list(code + "001", extract, patients);
	}

	public void list(String practice, LocalDate extract, int patients) {
		jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
				+ " values (?, ?, 'ALL', 'ALL', ?) on conflict do nothing")
			.params(practice, extract, patients).update();
	}

	/** A user with {@link #PASSWORD}, made once. */
	public void user(String username, String name, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, name, null, role, organisation, PASSWORD));
		}
	}

	/** A national analyst (of X24, NHS England), made once. */
	public void nationalAnalyst(String username) {
		user(username, "National analyst", Role.NATIONAL, "X24");
	}
}
