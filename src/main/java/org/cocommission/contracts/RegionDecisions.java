package org.cocommission.contracts;

/**
 * Contract decisions in one NHS England region (or the area team where the directory has no region above it), with
 * who took them: a delegated CCG's committee, a joint committee, or NHS England itself.
 */
public record RegionDecisions(String regionCode, String regionName, int decided, int approved, int refused,
		int byDelegatedCommittee, int byJointCommittee, int byNhsEngland) {

	RegionDecisions add(boolean wasApproved, ResponsibleCommissioner.Body body) {
		return new RegionDecisions(regionCode, regionName, decided + 1, approved + (wasApproved ? 1 : 0),
				refused + (wasApproved ? 0 : 1),
				byDelegatedCommittee + (body == ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE ? 1 : 0),
				byJointCommittee + (body == ResponsibleCommissioner.Body.JOINT_COMMITTEE ? 1 : 0),
				byNhsEngland + (body == ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE
						|| body == ResponsibleCommissioner.Body.JOINT_COMMITTEE ? 0 : 1));
	}
}
