package org.cocommission.identity.accounts;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.identity.signin.SignInGuard;
import org.cocommission.identity.tokens.ApiToken;
import org.cocommission.identity.tokens.ApiTokens;
import org.cocommission.identity.tokens.NewApiToken;
import org.cocommission.platform.PageOf;

/**
 * The signed-in user ({@code /me}) and, for NHS England only by URL rule, account administration. Takes the session
 * (with a CSRF token on changes) or HTTP Basic; API tokens ({@code /me/tokens}) are managed only by their owner signed
 * in, not with a token.
 */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

	private final UserAccounts accounts;

	private final AccessPolicy policy;

	private final SignInGuard signIns;

	private final ApiTokens tokens;

	IdentityApi(UserAccounts accounts, AccessPolicy policy, SignInGuard signIns, ApiTokens tokens) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.signIns = signIns;
		this.policy = policy;
	}

	@GetMapping("/me")
	Me me() {
		CurrentUser user = policy.requireUser();
		return new Me(user.username(), user.displayName(), user.role(), user.organisationCode());
	}

	@PostMapping("/me/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
		accounts.changePassword(policy.requireUser().username(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	/** The signed-in user's API tokens, without their secrets. */
	@GetMapping("/me/tokens")
	List<ApiToken> tokens() {
		return tokens.mine();
	}

	/** Makes an API token; the answer holds its secret, which cannot be read again. */
	@PostMapping("/me/tokens")
	ResponseEntity<ApiToken.Created> createToken(@Valid @RequestBody NewApiToken token) {
		ApiToken.Created created = tokens.create(token);
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.token().id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@GetMapping("/me/tokens/{id}")
	ApiToken token(@PathVariable long id) {
		return tokens.mine(id).orElseThrow(() -> new NoSuchElementException("You have no API token " + id));
	}

	/** Revokes an API token at once. */
	@PostMapping("/me/tokens/{id}/revoke")
	ApiToken revokeToken(@PathVariable long id) {
		return tokens.revoke(id);
	}

	@GetMapping("/users")
	PageOf<UserView> users(@RequestParam(required = false) String organisation,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return accounts.list(organisation, q, page, size);
	}

	@GetMapping("/users/{username}")
	UserView user(@PathVariable String username) {
		return accounts.find(username).orElseThrow(() -> new NoSuchElementException("No account called " + username));
	}

	@PostMapping("/users")
	ResponseEntity<UserView> create(@RequestBody NewUser user) {
		UserView created = accounts.create(user);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
	}

	@PostMapping("/users/{username}/disable")
	UserView disable(@PathVariable String username) {
		return accounts.setEnabled(username, false);
	}

	record Unlocked(String username, boolean wasLocked) {
	}

	/** Lifts a sign-in lockout after too many wrong passwords (national administrators). */
	@PostMapping("/users/{username}/unlock")
	Unlocked unlock(@PathVariable String username) {
		return new Unlocked(username, signIns.unlock(username));
	}

	@PostMapping("/users/{username}/enable")
	UserView enable(@PathVariable String username) {
		return accounts.setEnabled(username, true);
	}

	/** The signed-in user. */
	record Me(String username, String displayName, Role role, String organisationCode) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}
}
