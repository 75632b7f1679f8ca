package org.cocommission.identity;

import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Work done outside a web request, as someone named: as a user (the demo loaders, tests), signed in for its duration so
 * that the same access checks apply as to that user's requests; or as the system itself (start-up, scheduled jobs,
 * event listeners after a commit), which the audit trail records as {@code system}. Then back to whoever was signed
 * in before. The one way code acts without a request: no work relies on there being no authentication at all.
 */
public final class ActingAs {

	/** The name the system acts under, in the audit trail and wherever an actor is recorded. */
	public static final String SYSTEM = "system";

	private static final String SYSTEM_AUTHORITY = "ROLE_SYSTEM";

	private ActingAs() {
	}

	/** Runs {@code work} as the system: no user, but not anonymous either. */
	public static <T> T system(Callable<T> work) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null,
				AuthorityUtils.createAuthorityList(SYSTEM_AUTHORITY));
		return as(authentication, work);
	}

	/** Runs {@code work} as the system, for work that returns nothing. */
	public static void system(Runnable work) {
		system(() -> {
			work.run();
			return null;
		});
	}

	/** Whether the current work is the system's own (see {@link #system}). */
	public static boolean isSystem() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> SYSTEM_AUTHORITY.equals(authority.getAuthority()));
	}

	public static <T> T as(UserDetailsService users, String username, Callable<T> work) {
		UserDetails user = users.loadUserByUsername(username);
		return as(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
	}

	private static <T> T as(Authentication authentication, Callable<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
