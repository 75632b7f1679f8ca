package org.cocommission.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A committee as proposed, before anyone is appointed: who would sit on it, with which role and vote, who would chair
 * it, and its quorum. Co-commissioning applications check their proposed committee here, so the rules live once.
 * Source: NHS England, Next steps towards primary care co-commissioning (2014); docs/domain-rules.md#governance.
 */
public record ProposedCommittee(CommitteeKind kind, List<ProposedMember> members, QuorumRule quorum) {

	public ProposedCommittee {
		if (kind == null || quorum == null) {
			throw new IllegalArgumentException("A proposed committee needs a kind and a quorum rule");
		}
		members = members == null ? List.of() : List.copyOf(members);
	}

	public record ProposedMember(String name, MemberRole role, boolean voting, boolean chair) {

		public ProposedMember {
			if (name == null || name.isBlank() || role == null) {
				throw new IllegalArgumentException("Each proposed member needs a name and a role");
			}
		}
	}

	/** What stops the committee from meeting the rules, in words a CCG can act on; empty when it complies. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		List<ProposedMember> chairs = members.stream().filter(ProposedMember::chair).toList();
		if (chairs.size() != 1) {
			problems.add("Name exactly one chair (" + chairs.size() + " named)");
		}
		List<MemberRole> voters = members.stream().filter(ProposedMember::voting).map(ProposedMember::role).toList();
		if (kind == CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE) {
			chairs.stream()
				.filter(chair -> chair.role() != MemberRole.LAY_MEMBER)
				.forEach(chair -> problems.add("The chair must be a lay member; " + chair.name() + " is a "
						+ chair.role().inSentence()));
			long layAndExecutive = voters.stream()
				.filter(role -> role == MemberRole.LAY_MEMBER || role == MemberRole.EXECUTIVE)
				.count();
			if (2 * layAndExecutive <= voters.size()) {
				problems.add("Lay and executive members must form the majority of voting members (" + layAndExecutive
						+ " of " + voters.size() + ")");
			}
		}
		// The majority is checked above as a rule of the committee's make-up, not of who turns up.
		new QuorumRule(quorum.minVotingPresent(), quorum.minLay(), quorum.minGp(), quorum.minExecutive(), false)
			.assess(voters)
			.shortfalls()
			.forEach(shortfall -> problems.add("Even with every member present the committee is not quorate: " + shortfall));
		return List.copyOf(problems);
	}

	public boolean complies() {
		return problems().isEmpty();
	}
}
