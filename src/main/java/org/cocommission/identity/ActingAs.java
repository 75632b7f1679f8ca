package org.cocommission.identity;

import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Work done as a named user outside a web request (the demo loaders, tests): signed in for its duration, so that the
 * same access checks apply as to that user's requests, then back to whoever was signed in before.
 */
public final class ActingAs {

	private ActingAs() {
	}

	public static <T> T as(UserDetailsService users, String username, Callable<T> work) {
		UserDetails user = users.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
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
