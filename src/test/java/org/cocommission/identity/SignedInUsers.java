package org.cocommission.identity;

import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test users who share a password, each signed in once through the login form and then reusing the session. */
public final class SignedInUsers {

	private final MockMvc mvc;

	private final String password;

	private final Map<String, Cookie> sessions = new HashMap<>();

	public SignedInUsers(MockMvc mvc, String password) {
		this.mvc = mvc;
		this.password = password;
	}

	/** Makes the request as {@code username}, with their session cookie. */
	public RequestPostProcessor as(String username) throws Exception {
		Cookie session = sessions.get(username);
		if (session == null) {
			session = SignIn.session(mvc, username, password);
			sessions.put(username, session);
		}
		Cookie cookie = session;
		return request -> {
			request.setCookies(cookie);
			return request;
		};
	}
}
