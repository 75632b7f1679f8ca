package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.List;

import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who commissions a practice's contract on a date: the directory's hierarchy then, and the CCG's level then. */
@Service
@Transactional(readOnly = true)
public class Commissioners {

	private final Directory directory;

	private final CommissioningLevels levels;

	Commissioners(Directory directory, CommissioningLevels levels) {
		this.directory = directory;
		this.levels = levels;
	}

	public ResponsibleCommissioner on(String practiceCode, LocalDate date) {
		List<OrganisationRef> chain = directory.parentChain(practiceCode, date);
		OrganisationRef ccg = first(chain, OrganisationType.CCG);
		OrganisationRef areaTeam = first(chain, OrganisationType.AREA_TEAM);
		CommissioningLevel level = ccg == null ? null : levels.levelOn(ccg.code(), date);
		return new ResponsibleCommissioner(date, body(ccg != null, level), ccg == null ? null : ccg.code(),
				ccg == null ? null : ccg.name(), areaTeam == null ? null : areaTeam.code(),
				areaTeam == null ? null : areaTeam.name());
	}

	/** The rule: delegated, the CCG's committee; joint, the joint committee; otherwise (greater involvement) NHS England. */
	static ResponsibleCommissioner.Body body(boolean hasCcg, CommissioningLevel level) {
		if (!hasCcg) {
			return ResponsibleCommissioner.Body.UNKNOWN;
		}
		return switch (level) {
			case DELEGATED -> ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE;
			case JOINT -> ResponsibleCommissioner.Body.JOINT_COMMITTEE;
			case GREATER_INVOLVEMENT -> ResponsibleCommissioner.Body.AREA_TEAM;
		};
	}

	private static OrganisationRef first(List<OrganisationRef> chain, OrganisationType type) {
		return chain.stream().filter(ref -> ref.type() == type).findFirst().orElse(null);
	}
}
