package org.cocommission.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A committee's quorum, from its terms of reference: the fewest voting members present, the composition required
 * (typically one lay member, one GP, one executive) and whether lay and executive members must form the majority
 * (co-commissioning committees; GPs may not). Counted after conflicted members are excluded. Source: NHS England,
 * Next steps towards primary care co-commissioning (2014), committee membership and quorum;
 * docs/domain-rules.md#governance.
 */
public record QuorumRule(int minVotingPresent, int minLay, int minGp, int minExecutive, boolean layAndExecutiveMajority) {

	public QuorumRule {
		if (minVotingPresent < 1 || minLay < 0 || minGp < 0 || minExecutive < 0) {
			throw new IllegalArgumentException("A quorum needs at least one voting member and no negative counts");
		}
		if (minLay + minGp + minExecutive > minVotingPresent) {
			throw new IllegalArgumentException("The required lay, GP and executive members (" + (minLay + minGp + minExecutive)
					+ ") exceed the minimum voting members present (" + minVotingPresent + ")");
		}
	}

	/** The typical co-commissioning quorum: three voting members, one lay, one GP, one executive, lay and executive majority. */
	public static QuorumRule typical() {
		return new QuorumRule(3, 1, 1, 1, true);
	}

	public record Assessment(boolean quorate, int votersPresent, List<String> shortfalls) {
	}

	/** Whether the voting members left to decide (present and not excluded) make a quorum; says what is missing. */
	public Assessment assess(List<MemberRole> eligibleVoters) {
		int lay = count(eligibleVoters, MemberRole.LAY_MEMBER);
		int gp = count(eligibleVoters, MemberRole.GP_MEMBER);
		int executive = count(eligibleVoters, MemberRole.EXECUTIVE);
		List<String> shortfalls = new ArrayList<>();
		if (eligibleVoters.size() < minVotingPresent) {
			shortfalls.add(eligibleVoters.size() + " voting members able to vote; at least " + minVotingPresent + " needed");
		}
		if (lay < minLay) {
			shortfalls.add(lay + " lay members; at least " + minLay + " needed");
		}
		if (gp < minGp) {
			shortfalls.add(gp + " GP members; at least " + minGp + " needed");
		}
		if (executive < minExecutive) {
			shortfalls.add(executive + " executives; at least " + minExecutive + " needed");
		}
		if (layAndExecutiveMajority && 2 * (lay + executive) <= eligibleVoters.size()) {
			shortfalls.add("lay and executive members (" + (lay + executive) + " of " + eligibleVoters.size()
					+ ") are not the majority");
		}
		return new Assessment(shortfalls.isEmpty(), eligibleVoters.size(), List.copyOf(shortfalls));
	}

	private static int count(List<MemberRole> roles, MemberRole role) {
		return (int) roles.stream().filter(role::equals).count();
	}
}
