package org.cocommission.identity.signin;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.Role;
import org.cocommission.identity.UrlRules;
import org.cocommission.identity.tokens.ApiTokenFilter;
import org.cocommission.identity.tokens.ApiTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which URL. Object-level checks (which organisation's data) live in {@link AccessPolicy}.
 * The API answers 401 instead of redirecting, and takes HTTP Basic and API tokens ({@code Authorization: Bearer})
 * as well as the session; pages take the session only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** Every module's published pages and API calls, open to anyone to read. */
	private static final String[] PUBLISHED = { "/public/**", "/api/v1/public/**" };

	private static final String[] ALWAYS_OPEN = { "/login", "/error", "/assets/**", "/nhsuk-frontend.min.css",
			"/nhsuk-frontend.min.js", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/actuator/health",
			"/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * Scripts, fonts, images and fetches from this origin only, and no inline script at all (every script is a file
	 * under /js); inline style attributes stay allowed, as some templates set a width. No framing, no plugins.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
			+ " form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A request the firewall refuses (an encoded NUL or a traversal in its address) is a 400 answered here, as a
	 * problem detail for the API: sent through the error page, the refused address would be refused again.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setCharacterEncoding("UTF-8");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"The address or its parameters hold characters that are not allowed\"}");
			}
			else {
				response.setContentType("text/plain");
				response.getWriter().write("The address holds characters that are not allowed.");
			}
		};
	}

	/**
	 * No observation of Spring Security's filters, sign-ins or access decisions. Turning its observations off in the
	 * properties (management.observations.enable.spring.security) only makes them no-ops: each filter of both chains
	 * was still wrapped and an observation looked up around it on every request. Nothing records them (no tracing).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	UrlRules identityUrlRules() {
		return UrlRules.nationalOnly("/users", "/users/**", "/api/v1/users", "/api/v1/users/**");
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, List<UrlRules> modules, AccessPolicy access, ApiTokens tokens,
			UserDetailsService users) throws Exception {
		RequestMatcher withoutSession = request -> request.getRequestedSessionId() == null;
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, publicReads(modules)).permitAll()
				.requestMatchers(nationalOnly(modules)).hasRole(Role.NATIONAL.name())
				.requestMatchers(nationalWrites(modules)).hasRole(Role.NATIONAL.name())
				.anyRequest().access(new OwnedWrites(modules, access)))
			.httpBasic(basic -> basic.authenticationEntryPoint(new ApiSecurityProblems()))
			// After the CSRF filter: a token never spares a cookie-signed write its CSRF token.
			.addFilterBefore(new ApiTokenFilter(tokens, users), BasicAuthenticationFilter.class)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint(new ApiSecurityProblems())
				.accessDeniedHandler(new ApiSecurityProblems()))
			// An API client is not sent back to a saved request after signing in, so none is kept (nor a session for it).
			.requestCache(cache -> cache.disable())
			// A write that a session cookie could sign needs the CSRF token, whatever credentials come with it (a
			// page's script could add any header). A client with no session to ride on sends its own credentials
			// and needs none (and gets a 401 rather than a CSRF 403 when they are missing).
			.csrf(csrf -> csrf.ignoringRequestMatchers(withoutSession))
			.headers(SecurityConfiguration::protectiveHeaders);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, List<UrlRules> modules, AccessPolicy access) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(ALWAYS_OPEN).permitAll()
				.requestMatchers(HttpMethod.GET, publicReads(modules)).permitAll()
				// A public form keeps the CSRF protection of every page (this chain's default).
				.requestMatchers(publicForms(modules)).permitAll()
				.requestMatchers(nationalOnly(modules)).hasRole(Role.NATIONAL.name())
				.requestMatchers(nationalWrites(modules)).hasRole(Role.NATIONAL.name())
				.anyRequest().access(new OwnedWrites(modules, access)))
			.headers(SecurityConfiguration::protectiveHeaders)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"));
		return http.build();
	}

	private static String[] publicReads(List<UrlRules> modules) {
		return Stream.concat(Stream.of(PUBLISHED), modules.stream().flatMap(rules -> rules.publicReads().stream()))
			.toArray(String[]::new);
	}

	private static RequestMatcher publicForms(List<UrlRules> modules) {
		List<RequestMatcher> paths = modules.stream()
			.flatMap(rules -> rules.publicForms().stream())
			.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
			.toList();
		return paths.isEmpty() ? request -> false : new OrRequestMatcher(paths);
	}

	private static String[] nationalOnly(List<UrlRules> modules) {
		return modules.stream().flatMap(rules -> rules.nationalOnly().stream()).toArray(String[]::new);
	}

	/** Writes (any method but GET and HEAD) to these paths are NHS England's alone, refused before the body is read. */
	private static RequestMatcher nationalWrites(List<UrlRules> modules) {
		List<RequestMatcher> paths = modules.stream()
			.flatMap(rules -> rules.nationalWrites().stream())
			.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
			.toList();
		RequestMatcher anyPath = paths.isEmpty() ? request -> false : new OrRequestMatcher(paths);
		return request -> !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")
				&& anyPath.matches(request);
	}

	/**
	 * What a page may send elsewhere and use in the browser. Spring Security's defaults stay (no sniffing, no
	 * framing, HSTS on secure requests, which behind a proxy needs server.forward-headers-strategy).
	 */
	private static void protectiveHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
	}
}
