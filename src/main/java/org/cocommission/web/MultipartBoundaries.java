package org.cocommission.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A multipart request without a boundary cannot be parsed, and the first filter that reads a parameter would fail on
 * it with a 500: it is refused as a bad request before any filter reads one. (A request already parsed, as a test's
 * mock multipart request is, has nothing left to parse.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartBoundaries extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean parsed = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null;
		if (!parsed && type != null && type.regionMatches(true, 0, "multipart/", 0, 10)
				&& !type.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*boundary=\\S+.*")) {
			// Answered here, not through the error page: its dispatch would try to parse the same body again.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setCharacterEncoding("UTF-8");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"A multipart request needs a boundary in its Content-Type\"}");
			}
			else {
				response.setContentType("text/plain");
				response.getWriter().write("The upload could not be read. Choose the file again and send the form.");
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
