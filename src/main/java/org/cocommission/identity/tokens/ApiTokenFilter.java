package org.cocommission.identity.tokens;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.identity.accounts.AccountDetails;
import org.cocommission.identity.signin.ApiSecurityProblems;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes {@code Authorization: Bearer <token>} on the API only (the page chain never sees this filter, so a token never
 * signs a page in). The token authenticates this one request: nothing is saved to a session. It runs after the CSRF
 * filter, so a request that also carries a session cookie still needs the CSRF token for a write. An unknown, expired
 * or revoked token is a 401, and a read-only token's write a 403, answered before the request goes further. Not a
 * bean, so that the servlet container does not also run it for every request.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	static final String TOKENS_API = "/api/v1/me/tokens";

	private final ApiTokens tokens;

	private final UserDetailsService users;

	public ApiTokenFilter(ApiTokens tokens, UserDetailsService users) {
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokenAuthentication> authentication = tokens.authenticate(header.substring(BEARER.length()).strip())
			.flatMap(this::owner);
		if (authentication.isEmpty()) {
			SecurityContextHolder.clearContext();
			ApiSecurityProblems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign in needed",
					"The API token is not known, has expired or was revoked");
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + TOKENS_API)) {
			ApiSecurityProblems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
					"API tokens are made and revoked by their owner signed in, not with a token");
			return;
		}
		if (!authentication.get().scope().allows(request.getMethod())) {
			ApiSecurityProblems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
					"This API token may only read: use a read and write token to change data");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The token's owner, while their account is enabled. */
	private Optional<ApiTokenAuthentication> owner(ApiTokens.Holder holder) {
		try {
			if (users.loadUserByUsername(holder.username()) instanceof AccountDetails owner && owner.isEnabled()) {
				owner.eraseCredentials();
				return Optional.of(new ApiTokenAuthentication(owner, holder.scope()));
			}
		}
		catch (UsernameNotFoundException ex) {
			// An account removed under its token: the token no longer works.
		}
		return Optional.empty();
	}
}
