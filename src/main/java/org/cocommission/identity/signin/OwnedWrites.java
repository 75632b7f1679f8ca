package org.cocommission.identity.signin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.Role;
import org.cocommission.identity.UrlRules;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The last say on any request no public or national rule decided: a signed-in user, and for a write to an object that
 * belongs to an organisation ({@link UrlRules.Owned}), a user who can see that organisation; for a write that names its
 * organisation in the body ({@link UrlRules.WrittenBy}), a user of a role that may make it. It runs in the security
 * filter chain, before the body is read or validated: access first, always.
 */
class OwnedWrites implements AuthorizationManager<RequestAuthorizationContext> {

	private record Rule(PathPattern pattern, UrlRules.Owned owned) {
	}

	private final List<Rule> rules;

	private record Writers(PathPattern pattern, java.util.Set<String> authorities) {
	}

	private final List<Writers> writers;

	private final AccessPolicy access;

	OwnedWrites(List<UrlRules> modules, AccessPolicy access) {
		this.access = access;
		this.rules = modules.stream()
			.flatMap(module -> module.owned().stream())
			.map(owned -> new Rule(PathPatternParser.defaultInstance.parse(owned.pattern()), owned))
			.toList();
		this.writers = modules.stream()
			.flatMap(module -> module.writtenBy().stream())
			.map(written -> new Writers(PathPatternParser.defaultInstance.parse(written.pattern()),
					written.roles().stream().map(Role::authority).collect(java.util.stream.Collectors.toSet())))
			.toList();
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication user = authentication.get();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return new AuthorizationDecision(false);
		}
		HttpServletRequest request = context.getRequest();
		if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
			return new AuthorizationDecision(true);
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Writers rule : writers) {
			if (rule.pattern().matches(path) && user.getAuthorities()
				.stream()
				.noneMatch(authority -> rule.authorities().contains(authority.getAuthority()))) {
				return new AuthorizationDecision(false);
			}
		}
		for (Rule rule : rules) {
			PathPattern.PathMatchInfo match = rule.pattern().matchAndExtract(path);
			if (match != null) {
				Map<String, String> variables = match.getUriVariables();
				Optional<String> organisation = rule.owned().organisation().apply(variables);
				// No such object: only a national user goes on to learn that (a 404); anyone else is refused.
				if (!access.canSee(organisation.orElse(null))) {
					return new AuthorizationDecision(false);
				}
			}
		}
		return new AuthorizationDecision(true);
	}
}
