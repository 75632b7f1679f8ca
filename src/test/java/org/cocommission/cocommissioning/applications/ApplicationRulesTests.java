package org.cocommission.cocommissioning.applications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationView.CommitteeMember;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Section;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.QuorumRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a complete application needs (docs/domain-rules.md#co-commissioning), with the proposed committee checked by the
 * governance module's rules: lay chair; lay and executive members the majority; quorum of one lay, one GP, one
 * executive.
 */
class ApplicationRulesTests {

	/** The typical quorum (docs/domain-rules.md#co-commissioning): three voting, one lay, one GP, one executive. */
	private static final QuorumRule TYPICAL = new QuorumRule(3, 1, 1, 1, true);

	private static final List<CommitteeMember> COMPLIANT = List.of(
			new CommitteeMember(1, "Lay Chair", MemberRole.LAY_MEMBER, true, true),
			new CommitteeMember(2, "Lay Member", MemberRole.LAY_MEMBER, true, false),
			new CommitteeMember(3, "Chief Officer", MemberRole.EXECUTIVE, true, false),
			new CommitteeMember(4, "Dr GP", MemberRole.GP_MEMBER, true, false),
			new CommitteeMember(5, "Healthwatch", MemberRole.HEALTHWATCH, false, false));

	@Test
	void aCommitteeWithALayChairAndALayAndExecutiveMajorityPasses() {
		assertThat(ApplicationRules.committeeProblems(CommissioningLevel.DELEGATED, COMPLIANT, TYPICAL)).isEmpty();
	}

	@Test
	void aGpChairAndAGpMajorityAreNamed() {
		List<CommitteeMember> gpLed = List.of(new CommitteeMember(1, "Dr Chair", MemberRole.GP_MEMBER, true, true),
				new CommitteeMember(2, "Dr Two", MemberRole.GP_MEMBER, true, false),
				new CommitteeMember(3, "Lay", MemberRole.LAY_MEMBER, true, false),
				new CommitteeMember(4, "Exec", MemberRole.EXECUTIVE, true, false));
		assertThat(ApplicationRules.committeeProblems(CommissioningLevel.JOINT, gpLed, TYPICAL))
			.anySatisfy(p -> assertThat(p).contains("The chair must be a lay member; Dr Chair"))
			.anySatisfy(p -> assertThat(p).contains("Lay and executive members must form the majority"));
	}

	@Test
	void theRoundsQuorumIsTheOneChecked() {
		QuorumRule twoLayTwoGp = new QuorumRule(5, 2, 2, 1, true);
		assertThat(ApplicationRules.committeeProblems(CommissioningLevel.DELEGATED, COMPLIANT, twoLayTwoGp))
			.anySatisfy(p -> assertThat(p).containsIgnoringCase("GP"));
		assertThat(ApplicationRules.committeeProblems(CommissioningLevel.DELEGATED, COMPLIANT, TYPICAL)).isEmpty();
	}

	@Test
	void greaterInvolvementNeedsNoCommitteeNorFunctions() {
		assertThat(ApplicationRules.committeeProblems(CommissioningLevel.GREATER_INVOLVEMENT, List.of(), TYPICAL)).isEmpty();
		assertThat(ApplicationRules.missing(CommissioningLevel.GREATER_INVOLVEMENT, written(), List.of(), List.of())).isEmpty();
	}

	@Test
	void namesEveryMissingSectionTheFunctionsAndTheCommittee() {
		Map<Section, String> sections = written();
		sections.put(Section.HEALTH_INEQUALITIES, " ");
		List<String> missing = ApplicationRules.missing(CommissioningLevel.DELEGATED, sections, List.of(),
				ApplicationRules.committeeProblems(CommissioningLevel.DELEGATED, List.of(), TYPICAL));
		assertThat(missing).containsExactly(
				"Cutting health inequalities: describe how they would cut health inequalities in primary care",
				"Functions requested: choose at least one function from the reference list",
				"Proposed committee: Propose the primary care commissioning committee and its members");
	}

	private static Map<Section, String> written() {
		Map<Section, String> sections = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			sections.put(section, "Written");
		}
		return sections;
	}
}
