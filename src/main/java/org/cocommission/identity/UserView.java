package org.cocommission.identity;

import java.time.Instant;

/** An account as pages and the API show it. */
public record UserView(String username, String displayName, String email, Role role, String organisationCode,
		boolean enabled, boolean demo, Instant createdAt) {
}
