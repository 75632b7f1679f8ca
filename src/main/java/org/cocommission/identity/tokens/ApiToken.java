package org.cocommission.identity.tokens;

import java.time.Instant;

/**
 * An API token as its owner sees it: never the secret, which is shown once when the token is made and kept only as a
 * digest.
 */
public record ApiToken(long id, String name, ApiTokenScope scope, Instant createdAt, Instant expiresAt,
		Instant firstUsedAt, Instant lastUsedAt, Instant revokedAt) {

	/** In words, for the page: "Revoked", "Expired" or "Active". */
	public String status(Instant now) {
		if (revokedAt != null) {
			return "Revoked";
		}
		return expiresAt.isAfter(now) ? "Active" : "Expired";
	}

	public boolean isActive(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	/** A new token with its secret, which is not kept and cannot be shown again. */
	public record Created(ApiToken token, String secret) {
	}
}
