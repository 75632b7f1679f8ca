package org.cocommission.identity;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An account was created, enabled, disabled or had its password changed; a sign-in unlocked, a duty granted, an API
 * token created, used or revoked. {@code before} and {@code after} are what the audit trail records of the change, one
 * of the records below (null where there is nothing).
 */
@DomainEvent
public record UserAccountChanged(String action, String username, String organisationCode, Object before,
		Object after) {

	/** An account as the audit trail records it: everything but the password hash. */
	public record AccountState(String username, String displayName, String email, String role,
			String organisationCode, boolean enabled) {
	}

	/** How many demo accounts a demo load created. */
	public record DemoAccounts(int accounts) {
	}

	/** Whether sign-in was locked after failed attempts. */
	public record SignInLock(boolean locked) {
	}

	/** A duty granted. */
	public record DutyGranted(String duty) {
	}

	/** An API token as created: its name, scope and the end of its last day. */
	public record TokenCreated(String token, String scope, String expiresAt) {
	}

	/** An API token, revoked or not. */
	public record TokenRevocation(String token, boolean revoked) {
	}

	/** An API token, by its name. */
	public record Token(String token) {
	}
}
