package org.cocommission.identity;

/** The signed-in person as the rest of the application sees them. */
public record CurrentUser(String username, String displayName, Role role, String organisationCode) {

	public boolean isNational() {
		return role == Role.NATIONAL;
	}
}
