package org.cocommission.identity;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/** Signs a test user in through the real login form, as a person in the browser is, for any module's page tests. */
public final class SignIn {

	private SignIn() {
	}

	/** The session cookie (Spring Session's, kept in the database) of {@code username} once signed in. */
	public static Cookie session(MockMvc mvc, String username, String password) throws Exception {
		Cookie session = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("session cookie after signing in").isNotNull();
		return session;
	}
}
