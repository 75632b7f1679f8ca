package org.cocommission.contracts;

import java.time.LocalDate;

/**
 * Who commissions a practice's contract on a date, and so decides on changes to it: the CCG's primary care
 * commissioning committee where the CCG held delegated commissioning that day, the joint committee of the CCG and
 * its area team under joint commissioning, otherwise the NHS England area team (docs/domain-rules.md, GP contracts,
 * "Who decides").
 */
public record ResponsibleCommissioner(LocalDate date, Body body, String ccgCode, String ccgName, String areaTeamCode,
		String areaTeamName) {

	public enum Body {

		AREA_TEAM, JOINT_COMMITTEE, DELEGATED_CCG_COMMITTEE, UNKNOWN
	}

	/** Where the decision lies, in words. */
	public String label() {
		return switch (body) {
			case DELEGATED_CCG_COMMITTEE -> ccgName + "'s primary care commissioning committee (delegated)";
			case JOINT_COMMITTEE -> "Joint committee of " + ccgName + " and " + (areaTeamName == null
					? "NHS England" : "the NHS England area team " + areaTeamName);
			case AREA_TEAM -> areaTeamName == null ? "NHS England" : "NHS England area team " + areaTeamName;
			case UNKNOWN -> "Not known: the practice has no CCG in the directory on this date";
		};
	}

	/** The organisation whose committee or team decides: the CCG when delegated or joint, otherwise the area team. */
	public String decidingOrganisation() {
		return body == Body.AREA_TEAM ? areaTeamCode : ccgCode;
	}
}
