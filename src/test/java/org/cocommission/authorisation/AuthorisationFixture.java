package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.cocommission.authorisation.NewOutcome.NewCondition;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignedInUsers;
import org.cocommission.identity.UserAccounts;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;

/**
 * What authorisation's module tests stand on: CCGs 01A, 01B (area team Q01) and 01C (area team Q02) with their panel
 * outcomes: 01A authorised in full in wave 1; 01B in wave 1 with two conditions, one at level IV with directions; 01C
 * in wave 2 with one condition. One account per role: national, area team Q01, CCG 01B and CCG 01A; CCG 01D (no
 * outcome yet, to apply) and a GP of 01C to assess. Made once, whichever test asks first.
 * <p>
 * Imported ({@code @Import(AuthorisationFixture.class)}) by each of them: {@code AuthorisationModuleTests},
 * {@code SurveyModuleTests} and {@code SurveyReportModuleTests} share one context (with {@link SentEmails});
 * {@code ApplicationModuleTests} has its own, as the outcomes it adds would change the others' totals.
 */
public class AuthorisationFixture {

	/** Every fixture user's password. */
	public static final String PASSWORD = "authorisation-test-1";

	private final DirectoryImports imports;

	private final UserAccounts accounts;

	private final Authorisation authorisation;

	private final UserDetailsService users;

	private final MockMvc mvc;

	AuthorisationFixture(DirectoryImports imports, UserAccounts accounts, Authorisation authorisation,
			UserDetailsService users, MockMvc mvc) {
		this.imports = imports;
		this.accounts = accounts;
		this.authorisation = authorisation;
		this.users = users;
		this.mvc = mvc;
	}

	/** The directory, the accounts and the outcomes above. */
	public void directoryUsersAndOutcomes() {
		if (accounts.find("auth-national").isPresent()) {
			return;
		}
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS,
				organisation("Q01", "TEES", "Y01", "") + organisation("Q02", "WEAR", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("01A", "NHS FIRST CCG", "Y01", "Q01")
				+ organisation("01B", "NHS SECOND CCG", "Y01", "Q01") + organisation("01C", "NHS THIRD CCG", "Y01", "Q02")
				+ organisation("01D", "NHS MERGED CCG", "Y01", "Q01") + organisation("01E", "NHS FIFTH CCG", "Y01", "Q01"));
		accounts.create(new NewUser("auth-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("auth-q01", "Area team Q01", null, Role.AREA_TEAM, "Q01", PASSWORD));
		accounts.create(new NewUser("auth-01a", "CCG 01A", null, Role.CCG, "01A", PASSWORD));
		accounts.create(new NewUser("auth-01b", "CCG 01B", null, Role.CCG, "01B", PASSWORD));
		accounts.create(new NewUser("auth-01d", "CCG 01D", null, Role.CCG, "01D", PASSWORD));
		accounts.create(new NewUser("auth-assessor", "A GP of CCG 01C", null, Role.CCG, "01C", PASSWORD));
		ActingAs.system(() -> authorisation.recordOutcomes(List.of(
				new NewOutcome("01A", 1, OutcomeKind.AUTHORISED, List.of()),
				new NewOutcome("01B", 1, OutcomeKind.AUTHORISED_WITH_CONDITIONS,
						List.of(new NewCondition("3.1", SupportLevel.II, false, LocalDate.of(2013, 6, 30)),
								new NewCondition("4.2", SupportLevel.IV, true, null))),
				new NewOutcome("01C", 2, OutcomeKind.AUTHORISED_WITH_CONDITIONS,
						List.of(new NewCondition("1.1", SupportLevel.I, false, null))))));
	}

	/** The requests' way to sign in as a fixture user. */
	public SignedInUsers signedIn() {
		return new SignedInUsers(mvc, PASSWORD);
	}

	/** The work done as the fixture user {@code username}. */
	public <T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	public void as(String username, Runnable work) {
		ActingAs.as(users, username, () -> {
			work.run();
			return null;
		});
	}
}
