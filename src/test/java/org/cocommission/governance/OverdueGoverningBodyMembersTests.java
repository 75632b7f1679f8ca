package org.cocommission.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.GovernanceViews.PersonView;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract co-commissioning applications rely on: the governing body's members whose declarations are overdue. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(GovernanceFixture.class)
class OverdueGoverningBodyMembersTests {

	private final Governance governance;

	private final GovernanceFixture fixture;

	private final UserDetailsService users;

	@Autowired
	OverdueGoverningBodyMembersTests(Governance governance, GovernanceFixture fixture, UserDetailsService users) {
		this.governance = governance;
		this.fixture = fixture;
		this.users = users;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void listsOnlyGoverningBodyMembersWhoseDeclarationsAreOverdue() {
		fixture.directoryAndUsers();
		String suffix = "gb" + System.nanoTime();
		List<Long> people = fixture.people(suffix);
		long layChair = people.get(0);
		long otherGp = people.get(3);
		long executive = people.get(5);
		governance.createCommittee("01A", new GovernanceRequests.NewCommittee("Governing body " + suffix,
				CommitteeKind.GOVERNING_BODY, 3, 1, 1, 1, null, null, layChair, null,
				List.of(new GovernanceRequests.CommitteeMember(layChair, null),
						new GovernanceRequests.CommitteeMember(otherGp, null),
						new GovernanceRequests.CommitteeMember(executive, null))));
		// Joined in January 2014 and never returned: due 28 days later. The chair made a return today.
		governance.recordReturns("01A", Map.of(layChair, governance.today()));

		List<PersonView> overdue = governance.overdueGoverningBodyMembers("01A")
			.stream()
			.filter(person -> person.name().endsWith(suffix))
			.toList();

		assertThat(overdue).extracting(PersonView::name)
			.containsExactlyInAnyOrder("Dr Other " + suffix, "Exec " + suffix);
		assertThat(overdue).allSatisfy(person -> {
			assertThat(person.overdue()).isTrue();
			assertThat(person.dueOn()).isEqualTo(LocalDate.of(2014, 1, 29));
		});
		assertThat(overdue).extracting(PersonView::role)
			.containsExactlyInAnyOrder(MemberRole.GP_MEMBER, MemberRole.EXECUTIVE);
	}

	@Test
	void anotherCcgCannotAskForThem() {
		fixture.directoryAndUsers();
		UserDetails other = users.loadUserByUsername("lead-01b");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));

		assertThatThrownBy(() -> governance.overdueGoverningBodyMembers("01A")).isInstanceOf(AccessDeniedException.class);
	}
}
