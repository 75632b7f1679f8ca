package org.cocommission.identity.sessions;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around Spring Session's filter: each session is read from the database at most once per request
 * ({@link LastAccessWrittenEveryMinute}, docs/architecture.md "Sessions").
 */
final class SessionReadOncePerRequest extends OncePerRequestFilter {

	private final LastAccessWrittenEveryMinute sessions;

	SessionReadOncePerRequest(LastAccessWrittenEveryMinute sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		sessions.withinRequest(() -> chain.doFilter(request, response));
	}
}
