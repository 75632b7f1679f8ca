package org.cocommission.governance;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.governance.ProposedCommittee.ProposedMember;

import static org.assertj.core.api.Assertions.assertThat;

class ProposedCommitteeTests {

	@Test
	void aLayChairedCommitteeWithALayAndExecutiveMajorityAndATypicalQuorumComplies() {
		ProposedCommittee committee = new ProposedCommittee(CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE,
				List.of(new ProposedMember("Ann Lay", MemberRole.LAY_MEMBER, true, true),
						new ProposedMember("Bob Lay", MemberRole.LAY_MEMBER, true, false),
						new ProposedMember("Cat Exec", MemberRole.EXECUTIVE, true, false),
						new ProposedMember("Dan GP", MemberRole.GP_MEMBER, true, false),
						new ProposedMember("Eve Healthwatch", MemberRole.HEALTHWATCH, false, false)),
				QuorumRule.typical());

		assertThat(committee.problems()).isEmpty();
	}

	@Test
	void aGpChairAndAGpMajorityAreEachNamed() {
		ProposedCommittee committee = new ProposedCommittee(CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE,
				List.of(new ProposedMember("Dan GP", MemberRole.GP_MEMBER, true, true),
						new ProposedMember("Fay GP", MemberRole.GP_MEMBER, true, false),
						new ProposedMember("Ann Lay", MemberRole.LAY_MEMBER, true, false),
						new ProposedMember("Cat Exec", MemberRole.EXECUTIVE, true, false)),
				QuorumRule.typical());

		assertThat(committee.problems()).containsExactly("The chair must be a lay member; Dan GP is a GP member",
				"Lay and executive members must form the majority of voting members (2 of 4)");
	}

	@Test
	void aCommitteeThatCouldNeverBeQuorateSaysWhatIsMissing() {
		ProposedCommittee committee = new ProposedCommittee(CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE,
				List.of(new ProposedMember("Ann Lay", MemberRole.LAY_MEMBER, true, true),
						new ProposedMember("Cat Exec", MemberRole.EXECUTIVE, true, false),
						new ProposedMember("Eve Healthwatch", MemberRole.HEALTHWATCH, false, false)),
				QuorumRule.typical());

		assertThat(committee.problems()).containsExactly(
				"Even with every member present the committee is not quorate: 2 voting members able to vote; at least 3 needed",
				"Even with every member present the committee is not quorate: 0 GP members; at least 1 needed");
	}

	@Test
	void otherCommitteesNeedAChairButNotALayOne() {
		ProposedCommittee committee = new ProposedCommittee(CommitteeKind.OTHER,
				List.of(new ProposedMember("Dan GP", MemberRole.GP_MEMBER, true, false),
						new ProposedMember("Ann Lay", MemberRole.LAY_MEMBER, true, false),
						new ProposedMember("Cat Exec", MemberRole.EXECUTIVE, true, false)),
				QuorumRule.typical());

		assertThat(committee.problems()).containsExactly("Name exactly one chair (0 named)");
	}
}
