package org.cocommission.identity.tokens;

import java.io.Serial;

import org.cocommission.identity.accounts.AccountDetails;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed with an API token: it acts as the token's owner, within the token's scope, for this request only. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountDetails owner;

	private final ApiTokenScope scope;

	ApiTokenAuthentication(AccountDetails owner, ApiTokenScope scope) {
		super(owner.getAuthorities());
		this.owner = owner;
		this.scope = scope;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return owner;
	}

	ApiTokenScope scope() {
		return scope;
	}
}
