package org.cocommission.identity.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A local account as Spring Security holds it in the (JDBC-stored, hence serializable) session. The password hash
 * is erased once the sign-in is checked, so it is never written to the session table.
 */
public final class AccountDetails implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Role role;

	private final String organisationCode;

	private final boolean enabled;

	AccountDetails(UserAccount account) {
		this.username = account.username();
		this.passwordHash = account.passwordHash();
		this.displayName = account.displayName();
		this.role = account.role();
		this.organisationCode = account.organisationCode();
		this.enabled = account.enabled();
	}

	public CurrentUser currentUser() {
		return new CurrentUser(username, displayName, role, organisationCode);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
