package org.cocommission.identity;

/** An account with this username exists already: a conflict (409), not bad input. */
public class UsernameTakenException extends RuntimeException {

	private final String username;

	public UsernameTakenException(String username) {
		super("An account called " + username + " already exists");
		this.username = username;
	}

	public String username() {
		return username;
	}
}
