package org.cocommission.identity.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cocommission.identity.Role;
import org.cocommission.identity.UserView;

/** A local account. The password hash never leaves this module. */
public record UserAccount(long id, String username, String passwordHash, String displayName, String email, Role role,
		String organisationCode, boolean enabled, boolean demo, Instant createdAt, int version) {

	public UserView view() {
		return new UserView(username, displayName, email, role, organisationCode, enabled, demo, createdAt);
	}

	/** What the audit trail records of an account: everything but the password hash. */
	public Map<String, Object> auditState() {
		var state = new LinkedHashMap<String, Object>();
		state.put("username", username);
		state.put("displayName", displayName);
		state.put("email", email);
		state.put("role", role.name());
		state.put("organisationCode", organisationCode);
		state.put("enabled", enabled);
		return state;
	}
}
