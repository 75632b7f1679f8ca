package org.cocommission.identity.accounts;

import java.time.Instant;

import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccountChanged;
import org.cocommission.identity.UserView;

/** A local account. The password hash never leaves this module. */
public record UserAccount(long id, String username, String passwordHash, String displayName, String email, Role role,
		String organisationCode, boolean enabled, boolean demo, Instant createdAt, int version) {

	public UserView view() {
		return new UserView(username, displayName, email, role, organisationCode, enabled, demo, createdAt);
	}

	/** What the audit trail records of an account: everything but the password hash. */
	public UserAccountChanged.AccountState auditState() {
		return new UserAccountChanged.AccountState(username, displayName, email, role.name(), organisationCode, enabled);
	}
}
