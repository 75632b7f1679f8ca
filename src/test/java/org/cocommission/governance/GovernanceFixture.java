package org.cocommission.governance;

import java.util.List;

import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.Duty;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;
import org.cocommission.identity.UserDuties.DutyGrant;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * What governance's tests stand on: a small directory (CCGs 01A and 01B under area team Q01; practices G10001, G10002
 * in 01A and G20001 in 01B), one account per duty (a governance lead and a guardian for each CCG, a plain CCG user, a
 * GP member's own account, national), made once whichever test asks first; and 01A's committees and people, made anew
 * under the names each test gives.
 * <p>
 * Imported ({@code @Import(GovernanceFixture.class)}) by every governance test that needs the application: the full
 * tests ({@code @SpringBootTest}) share one application context and one database, and so do the module tests
 * ({@code @ApplicationModuleTest}). All of them work in 01A with the same accounts, so they stay apart by the names
 * they give the people, committees and meetings they make (the suffix of {@link #committee} and {@link #people}), and
 * count only what is theirs:
 * <ul>
 * <li>{@code GovernanceScenarioTests}: "scenario", "inquorate", the person "Page Person";</li>
 * <li>{@code GovernanceApiTests}: a suffix of the clock's nanoseconds per test;</li>
 * <li>{@code ProviderFromTheListTests}: "picked", "typed";</li>
 * <li>{@code GovernancePublicationTests}: "minutes-pdf", "declared-and-linked";</li>
 * <li>{@code GovernanceFormErrorsTests}: "committee-form", "meeting-form", "meeting-page-form", people "Form errors
 * ...";</li>
 * <li>module tests: {@code GovernanceModuleTests} "module", "module-refused", "Module declarer";
 * {@code OverdueGoverningBodyMembersTests} "gb" and the clock's nanoseconds; {@code DeclarationRemindersTests}
 * "Reminded Person", "Daily Reminded"; {@code ConflictsByBodyTests} "fletcher", "near"; {@code MeetingDatesTests}
 * "future", "today".</li>
 * </ul>
 */
public class GovernanceFixture {

	/** Every fixture user's password. */
	public static final String PASSWORD = "governance-test-1";

	private final Governance governance;

	private final DirectoryImports imports;

	private final UserAccounts accounts;

	private final UserDuties duties;

	GovernanceFixture(Governance governance, DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		this.governance = governance;
		this.imports = imports;
		this.accounts = accounts;
		this.duties = duties;
	}

	/** The form came back (as flash attributes, to the page it redirects to) with this message on the field. */
	public static ResultMatcher refused(String form, String field, Matcher<? super String> message) {
		return result -> {
			BindingResult errors = (BindingResult) result.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + form);
			assertThat(errors).as("the errors of " + form).isNotNull();
			assertThat(errors.getFieldErrors(field)).as("the errors on " + form + "." + field)
				.extracting(FieldError::getDefaultMessage)
				.anySatisfy(text -> MatcherAssert.assertThat(text, message));
		};
	}

	/** The directory and the accounts, made once. */
	public void directoryAndUsers() {
		if (accounts.find("gov-national").isPresent()) {
			return;
		}
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q01", "TEES", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("01A", "NHS FIRST CCG", "Y01", "Q01") + organisation("01B", "NHS SECOND CCG", "Y01", "Q01"));
		importOds(imports, OdsFile.EPRACCUR, practice("G10001", "HIGH STREET SURGERY", "01A")
				+ practice("G10002", "MARKET SQUARE PRACTICE", "01A") + practice("G20001", "RIVERSIDE MEDICAL", "01B"));
		accounts.create(new NewUser("gov-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		for (String username : List.of("lead-01a", "guardian-01a", "plain-01a", "gp-01a")) {
			accounts.create(new NewUser(username, username, null, Role.CCG, "01A", PASSWORD));
		}
		accounts.create(new NewUser("lead-01b", "lead-01b", null, Role.CCG, "01B", PASSWORD));
		duties.grantAtStartUp(List.of(new DutyGrant("lead-01a", Duty.GOVERNANCE_LEAD, "01A"),
				new DutyGrant("guardian-01a", Duty.CONFLICT_OF_INTEREST_GUARDIAN, "01A"),
				new DutyGrant("lead-01b", Duty.GOVERNANCE_LEAD, "01B")));
	}

	/** A primary care commissioning committee of 01A with its members' registered interests; ids by name. */
	public record Committee(long id, long layChair, long layMember, long partner, long otherGp, long spouseGp, long executive,
			long nurse, long healthwatch, long director) {
	}

	public Committee committee(String suffix) {
		List<Long> ids = people(suffix);
		List<GovernanceRequests.CommitteeMember> members = ids.stream()
			.map(id -> new GovernanceRequests.CommitteeMember(id, null))
			.toList();
		long committee = governance.createCommittee("01A", new GovernanceRequests.NewCommittee(
				"Primary care commissioning committee " + suffix, CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 4, 1, 1,
				1, null, null, ids.get(0), ids.get(1), members));
		return new Committee(committee, ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4), ids.get(5), ids.get(6),
				ids.get(7), ids.get(8));
	}

	/**
	 * The people of 01A who would sit on the committee, with their links: lay chair, lay member, Dr Partner (partner at
	 * G10001), Dr Other (partner at G10002), Dr Spouse (spouse salaried at G10001), an executive, a non-voting nurse,
	 * Healthwatch and a second executive, in that order.
	 */
	public List<Long> people(String suffix) {
		java.time.LocalDate joined = java.time.LocalDate.of(2014, 1, 1);
		List<Long> ids = governance.addPeople("01A", List.of(
				new GovernanceRequests.NewPerson("Lay Chair " + suffix, MemberRole.LAY_MEMBER, null, "Lay chair", null, joined),
				new GovernanceRequests.NewPerson("Lay Member " + suffix, MemberRole.LAY_MEMBER, null, null, null, joined),
				new GovernanceRequests.NewPerson("Dr Partner " + suffix, MemberRole.GP_MEMBER, null, null, "gp-01a", joined),
				new GovernanceRequests.NewPerson("Dr Other " + suffix, MemberRole.GP_MEMBER, null, null, null, joined),
				new GovernanceRequests.NewPerson("Dr Spouse " + suffix, MemberRole.GP_MEMBER, null, null, null, joined),
				new GovernanceRequests.NewPerson("Exec " + suffix, MemberRole.EXECUTIVE, null, "Chief finance officer", null, joined),
				new GovernanceRequests.NewPerson("Nurse " + suffix, MemberRole.NURSE, false, null, null, joined),
				new GovernanceRequests.NewPerson("Healthwatch " + suffix, MemberRole.HEALTHWATCH, null, null, null, joined),
				// A second executive, so lay and executive members are the majority of the voting members.
				new GovernanceRequests.NewPerson("Director " + suffix, MemberRole.EXECUTIVE, null, "Director of commissioning",
						null, joined)));
		var since = java.time.LocalDate.of(2010, 4, 1);
		governance.addLink("01A", ids.get(2), new GovernanceRequests.NewLink(LinkRelationship.PARTNER, "G10001", null, null, since, null));
		governance.addLink("01A", ids.get(3), new GovernanceRequests.NewLink(LinkRelationship.PARTNER, "G10002", null, null, since, null));
		// An ended link: Dr Other left High Street Surgery in 2013, so it no longer counts.
		governance.addLink("01A", ids.get(3), new GovernanceRequests.NewLink(LinkRelationship.SALARIED_GP, "G10001", null,
				null, java.time.LocalDate.of(2008, 1, 1), java.time.LocalDate.of(2013, 3, 31)));
		governance.addLink("01A", ids.get(4), new GovernanceRequests.NewLink(LinkRelationship.SALARIED_GP, "G10001", null,
				"spouse", since, null));
		return ids;
	}
}
