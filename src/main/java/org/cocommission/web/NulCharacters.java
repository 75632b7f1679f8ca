package org.cocommission.web;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.platform.InvalidInputException;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a request parameter holding a NUL character before any handler sees it: PostgreSQL can neither store nor
 * compare one in text, so it would otherwise end as a 500 wherever the value reaches a query. Thrown from the handler
 * chain, the refusal is answered like any invalid input: a problem detail naming the parameter, or the error page.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws java.io.IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error page answers a refusal already made; refusing its parameters again would replace the answer.
			return true;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat could not parse the parameters (a form body over its size limit, a malformed encoding): the
			// request's fault. Answered here, not through the error page, which would fail on the same parameters.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setCharacterEncoding("UTF-8");
			boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			response.setContentType(api ? "application/problem+json" : "text/plain");
			response.getWriter().write(api ? "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
					+ "\"detail\":\"The request's parameters could not be read\"}"
					: "The form could not be read. Go back and send it again.");
			return false;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					throw new InvalidInputException(parameter.getKey(),
							"'" + parameter.getKey() + "' contains a NUL character, which text may not contain");
				}
			}
		}
		return true;
	}
}
