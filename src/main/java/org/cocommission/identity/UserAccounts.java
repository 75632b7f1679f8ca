package org.cocommission.identity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.identity.accounts.UserAccount;
import org.cocommission.identity.accounts.UserAccountRepository;
import org.cocommission.platform.PageOf;

/**
 * Opening, listing, disabling and enabling local accounts and changing passwords: the one service behind the account
 * pages and the API. Every change publishes a {@link UserAccountChanged} for the audit trail.
 */
@Service
public class UserAccounts {

	static final int MIN_PASSWORD_LENGTH = 12;

	static final int MAX_PAGE_SIZE = 100;

	/** The form's order, so that an error summary lists problems top to bottom. */
	private static final List<String> NEW_USER_FIELDS = List.of("username", "displayName", "email", "role",
			"organisationCode", "password");

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final OrganisationHierarchy hierarchy;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final AccessPolicy policy;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	UserAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, OrganisationHierarchy hierarchy,
			ApplicationEventPublisher events, JdbcClient jdbc, Validator validator, AccessPolicy policy,
			ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.hierarchy = hierarchy;
		this.events = events;
		this.jdbc = jdbc;
		this.validator = validator;
		this.policy = policy;
		this.sessions = sessions;
	}

	/**
	 * Opens an account.
	 * @throws InvalidAccountInputException when a field is missing or wrong, or the organisation does not exist
	 * @throws UsernameTakenException when the username is in use
	 */
	@Transactional
	public UserView create(NewUser request) {
		NewUser user = normalised(request);
		Map<String, String> errors = fieldErrors(user);
		if (!errors.containsKey("organisationCode") && !errors.containsKey("role") && user.role() != Role.NATIONAL) {
			Optional<String> type = hierarchy.typeOf(user.organisationCode());
			if (type.isEmpty()) {
				errors.put("organisationCode", "No organisation has the code " + user.organisationCode());
			}
			else if (!type.get().equals(user.role().organisationType())) {
				errors.put("organisationCode", "A " + user.role().label() + " account must belong to a "
						+ user.role().label() + "; " + user.organisationCode() + " is not one");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidAccountInputException(inFormOrder(errors));
		}
		if (accounts.existsByUsername(user.username())) {
			throw new UsernameTakenException(user.username());
		}
		try {
			accounts.insert(user.username(), passwordEncoder.encode(user.password()), user.displayName(),
					user.email(), user.role(), user.organisationCode(), false);
		}
		catch (DuplicateKeyException ex) {
			// Another request (or instance) opened the same username between the check and the insert.
			throw new UsernameTakenException(user.username());
		}
		UserAccount created = existing(user.username());
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
		// One statement for them all: one per account was 8,000 round trips on the demo's first start. In the list's
		// order, so the ids come out as before.
		int created = jdbc.sql("""
				insert into identity_user_account
				    (username, password_hash, display_name, email, role, organisation_code, demo)
				select a.username, :hash, a.display_name, a.email, a.role, a.organisation_code, true
				from unnest(cast(:usernames as varchar[]), cast(:names as varchar[]), cast(:emails as varchar[]),
				            cast(:roles as varchar[]), cast(:codes as varchar[])) with ordinality
				     as a (username, display_name, email, role, organisation_code, position)
				order by a.position
				on conflict (username) do nothing
				""")
			.param("hash", hash)
			.param("usernames", demoAccounts.stream().map(DemoAccount::username).toArray(String[]::new))
			.param("names", demoAccounts.stream().map(DemoAccount::displayName).toArray(String[]::new))
			.param("emails", demoAccounts.stream().map(DemoAccount::email).toArray(String[]::new))
			.param("roles", demoAccounts.stream().map(account -> account.role().name()).toArray(String[]::new))
			.param("codes", demoAccounts.stream().map(DemoAccount::organisationCode).toArray(String[]::new))
			.update();
		events.publishEvent(new UserAccountChanged("DEMO_USERS_CREATED", "demo", null, null,
				new UserAccountChanged.DemoAccounts(created)));
		return created;
	}

	public Optional<UserView> find(String username) {
		return accounts.findByUsername(username).map(UserAccount::view);
	}

	public boolean anyExist() {
		return accounts.count() > 0;
	}

	/**
	 * A page of accounts, by username.
	 * @param organisationCode only this organisation's accounts, or all when blank
	 * @param search part of a username or name, or anything when blank
	 * @param page from 0
	 * @param size 1 to {@value #MAX_PAGE_SIZE}
	 */
	public PageOf<UserView> list(String organisationCode, String search, int page, int size) {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
		}
		String organisation = blankToNull(organisationCode) == null ? null
				: organisationCode.trim().toUpperCase(Locale.ROOT);
		String query = blankToNull(search) == null ? null : search.trim();
		List<UserView> users = accounts.findAll(organisation, query, size, page * size)
			.stream()
			.map(UserAccount::view)
			.toList();
		return new PageOf<>(users, page, size, accounts.countAll(organisation, query));
	}

	/**
	 * Disables or enables an account. Disabling also ends the account's open sessions on every instance, since they
	 * are kept in the database. Nobody can disable their own account, so the last administrator cannot lock
	 * everyone out by mistake.
	 */
	@Transactional
	public UserView setEnabled(String username, boolean enabled) {
		UserAccount account = existing(username);
		if (!enabled && policy.currentUser().filter(user -> user.username().equals(username)).isPresent()) {
			throw InvalidAccountInputException.of("username", "You cannot disable your own account");
		}
		if (account.enabled() == enabled) {
			return account.view();
		}
		accounts.update(account, account.passwordHash(), enabled);
		UserAccount after = existing(username);
		events.publishEvent(new UserAccountChanged(enabled ? "USER_ENABLED" : "USER_DISABLED", username,
				account.organisationCode(), account.auditState(), after.auditState()));
		if (!enabled) {
			endSessions(username);
		}
		return after.view();
	}

	/**
	 * Changes an account's password, given its current one.
	 * @throws InvalidAccountInputException naming {@code currentPassword} or {@code newPassword}
	 */
	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		UserAccount account = existing(username);
		var errors = new LinkedHashMap<String, String>();
		if (blankToNull(currentPassword) == null) {
			errors.put("currentPassword", "Enter your current password");
		}
		else if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			errors.put("currentPassword", "The current password is not right");
		}
		if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
			errors.put("newPassword", "Enter a new password of at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		else if (newPassword.length() > 200) {
			errors.put("newPassword", "The new password must be 200 characters or fewer");
		}
		else if (newPassword.equals(currentPassword)) {
			errors.put("newPassword", "The new password must be different from the current one");
		}
		if (!errors.isEmpty()) {
			throw new InvalidAccountInputException(errors);
		}
		accounts.update(account, passwordEncoder.encode(newPassword), account.enabled());
		events.publishEvent(new UserAccountChanged("PASSWORD_CHANGED", username, account.organisationCode(),
				null, null));
	}

	private void endSessions(String username) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
		}
	}

	private UserAccount existing(String username) {
		return accounts.findByUsername(username)
			.orElseThrow(() -> new NoSuchElementException("No account called " + username));
	}

	private static NewUser normalised(NewUser user) {
		return new NewUser(trimmed(user.username()), trimmed(user.displayName()), blankToNull(trimmed(user.email())),
				user.role(), user.organisationCode() == null ? null : user.organisationCode().trim().toUpperCase(Locale.ROOT),
				user.password());
	}

	/** One message per field: "enter something" before any message about the format of what was entered. */
	private Map<String, String> fieldErrors(NewUser user) {
		Set<ConstraintViolation<NewUser>> violations = validator.validate(user);
		var errors = new LinkedHashMap<String, String>();
		violations.stream()
			.sorted(Comparator.comparing(UserAccounts::isMissingValue).reversed())
			.forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
		return errors;
	}

	private static boolean isMissingValue(ConstraintViolation<?> violation) {
		var annotation = violation.getConstraintDescriptor().getAnnotation();
		return annotation instanceof NotBlank || annotation instanceof NotNull;
	}

	private static Map<String, String> inFormOrder(Map<String, String> errors) {
		var ordered = new LinkedHashMap<String, String>();
		NEW_USER_FIELDS.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

	private static String trimmed(String value) {
		return value == null ? null : value.trim();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** A demo account to open; its password is the demo password. */
	public record DemoAccount(String username, String displayName, String email, Role role, String organisationCode) {
	}

}
