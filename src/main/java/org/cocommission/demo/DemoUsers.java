package org.cocommission.demo;

import java.util.concurrent.Callable;

import org.cocommission.identity.ActingAs;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs demo work as one of the demo users, so that it goes through the modules' access checks as that user would;
 * whoever was signed in before is restored afterwards.
 */
@Component
class DemoUsers {

	/** NHS England's demo commissioner, who may do everything the demo classes build. */
	static final String NATIONAL = "national";

	private final UserDetailsService users;

	DemoUsers(UserDetailsService users) {
		this.users = users;
	}

	boolean exists(String username) {
		try {
			users.loadUserByUsername(username);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	<T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	void as(String username, Runnable work) {
		as(username, () -> {
			work.run();
			return null;
		});
	}

	<T> T asNational(Callable<T> work) {
		return as(NATIONAL, work);
	}

	void asNational(Runnable work) {
		as(NATIONAL, work);
	}
}
