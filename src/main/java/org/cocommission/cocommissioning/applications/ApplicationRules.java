package org.cocommission.cocommissioning.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cocommission.cocommissioning.ApplicationView.CommitteeMember;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Section;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.ProposedCommittee.ProposedMember;
import org.cocommission.governance.ProposedCommittee;
import org.cocommission.governance.QuorumRule;

/**
 * What a complete application holds (docs/domain-rules.md#co-commissioning): the four written sections; for joint and
 * delegated commissioning the functions wanted and a proposed committee that passes the governance module's committee
 * rules (lay chair, lay and executive majority, the round's quorum), which are checked there, not here.
 */
public final class ApplicationRules {

	private ApplicationRules() {
	}

	static List<String> committeeProblems(CommissioningLevel level, List<CommitteeMember> members, QuorumRule quorum) {
		if (!level.needsCommittee()) {
			return List.of();
		}
		if (members.isEmpty()) {
			return List.of("Propose the primary care commissioning committee and its members");
		}
		return proposedCommittee(members, quorum).problems();
	}

	/** The committee as the governance module checks it, against the round's quorum. */
	static ProposedCommittee proposedCommittee(List<CommitteeMember> members, QuorumRule quorum) {
		return new ProposedCommittee(CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE,
				members.stream().map(m -> new ProposedMember(m.name(), m.role(), m.voting(), m.chair())).toList(),
				quorum);
	}

	/** Everything that stops the application being submitted, each in words the CCG can act on. */
	static List<String> missing(CommissioningLevel level, Map<Section, String> sections, List<String> functions,
			List<String> committeeProblems) {
		List<String> missing = new ArrayList<>();
		for (Section section : Section.values()) {
			String text = sections.get(section);
			if (text == null || text.isBlank()) {
				missing.add(section.label() + ": describe " + section.asks());
			}
		}
		if (level.needsCommittee() && functions.isEmpty()) {
			missing.add("Functions requested: choose at least one function from the reference list");
		}
		committeeProblems.forEach(problem -> missing.add("Proposed committee: " + problem));
		return List.copyOf(missing);
	}
}
