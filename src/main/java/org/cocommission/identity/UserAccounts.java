package org.cocommission.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** Opening, listing and closing local accounts. */
@Service
@Validated
public class UserAccounts {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final OrganisationHierarchy hierarchy;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	UserAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, OrganisationHierarchy hierarchy,
			ApplicationEventPublisher events, JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.hierarchy = hierarchy;
		this.events = events;
		this.jdbc = jdbc;
	}

	@Transactional
	public UserView create(@Valid NewUser user) {
		if (accounts.existsByUsername(user.username())) {
			throw new IllegalArgumentException("An account called " + user.username() + " already exists");
		}
		if (user.role() != Role.NATIONAL && !hierarchy.exists(user.organisationCode())) {
			throw new IllegalArgumentException("No organisation with code " + user.organisationCode());
		}
		accounts.insert(user.username(), passwordEncoder.encode(user.password()), user.displayName(), user.email(),
				user.role(), user.organisationCode(), false);
		UserAccount created = accounts.findByUsername(user.username()).orElseThrow();
		events.publishEvent(new UserAccountChanged("USER_CREATED", created.username(), created.organisationCode(),
				null, created.auditState()));
		return created.view();
	}

	/**
	 * Opens the demo accounts in one batch. They share one password, so they share one hash: hashing
	 * thousands of accounts one by one would take minutes at start-up.
	 */
	@Transactional
	public int createDemoAccounts(List<DemoAccount> demoAccounts, String password) {
		String hash = passwordEncoder.encode(password);
		int created = 0;
		for (DemoAccount account : demoAccounts) {
			created += jdbc.sql("insert into identity_user_account"
					+ " (username, password_hash, display_name, email, role, organisation_code, demo)"
					+ " values (?, ?, ?, ?, ?, ?, true) on conflict (username) do nothing")
				.params(account.username(), hash, account.displayName(), account.email(), account.role().name(),
						account.organisationCode())
				.update();
		}
		events.publishEvent(new UserAccountChanged("DEMO_USERS_CREATED", "demo", null, null,
				java.util.Map.of("accounts", created)));
		return created;
	}

	public Optional<UserView> find(String username) {
		return accounts.findByUsername(username).map(UserAccount::view);
	}

	public boolean anyExist() {
		return accounts.count() > 0;
	}

	public UserPage list(String organisationCode, String search, int page, int size) {
		String query = search == null || search.isBlank() ? null : search.trim();
		List<UserView> users = accounts.findAll(organisationCode, query, size, page * size).stream()
			.map(UserAccount::view)
			.toList();
		return new UserPage(users, page, size, accounts.countAll(organisationCode, query));
	}

	@Transactional
	public UserView setEnabled(String username, boolean enabled) {
		UserAccount account = existing(username);
		accounts.update(account, account.passwordHash(), enabled);
		UserAccount after = existing(username);
		events.publishEvent(new UserAccountChanged(enabled ? "USER_ENABLED" : "USER_DISABLED", username,
				account.organisationCode(), account.auditState(), after.auditState()));
		return after.view();
	}

	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		UserAccount account = existing(username);
		if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw new IllegalArgumentException("The current password is not right");
		}
		if (newPassword == null || newPassword.length() < 12) {
			throw new IllegalArgumentException("The new password must be at least 12 characters");
		}
		accounts.update(account, passwordEncoder.encode(newPassword), account.enabled());
		events.publishEvent(new UserAccountChanged("PASSWORD_CHANGED", username, account.organisationCode(),
				null, null));
	}

	private UserAccount existing(String username) {
		return accounts.findByUsername(username)
			.orElseThrow(() -> new java.util.NoSuchElementException("No account called " + username));
	}

	/** A demo account to open; its password is the demo password. */
	public record DemoAccount(String username, String displayName, String email, Role role, String organisationCode) {
	}

	public record UserPage(List<UserView> users, int page, int size, long total) {
	}
}
