package org.cocommission.cocommissioning;

import org.cocommission.governance.MemberRole;
import org.cocommission.platform.InvalidInputException;

/** A member to add to an application's proposed committee. */
public record NewCommitteeMember(String name, MemberRole role, boolean voting, boolean chair) {

	public NewCommitteeMember {
		name = name == null ? "" : name.trim();
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "Enter the member's name");
		}
		if (role == null) {
			throw new InvalidInputException("role", "Choose the member's role");
		}
	}
}
