package org.cocommission.identity;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which URL. Object-level checks (which organisation's data) live in {@link AccessPolicy}.
 * The API answers 401 instead of redirecting, and takes HTTP Basic as well as the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** Every module's published pages and API calls, open to anyone to read. */
	private static final String[] PUBLISHED = { "/public/**", "/api/v1/public/**" };

	private static final String[] ALWAYS_OPEN = { "/login", "/error", "/assets/**", "/nhsuk-frontend.min.css",
			"/nhsuk-frontend.min.js", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/actuator/health",
			"/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
	SecurityFilterChain api(HttpSecurity http, List<UrlRules> modules) throws Exception {
		RequestMatcher basicAuthenticated = request -> request.getHeader("Authorization") != null;
		RequestMatcher withoutSession = request -> request.getRequestedSessionId() == null;
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, publicReads(modules)).permitAll()
				.requestMatchers(nationalOnly(modules)).hasRole(Role.NATIONAL.name())
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new ApiSecurityProblems()))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint(new ApiSecurityProblems())
				.accessDeniedHandler(new ApiSecurityProblems()))
			// An API client is not sent back to a saved request after signing in, so none is kept (nor a session for it).
			.requestCache(cache -> cache.disable())
			// A browser's session needs CSRF protection; a client sending its own credentials, or with no session
			// to ride on, does not (and then gets a 401 rather than a CSRF 403).
			.csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthenticated, withoutSession));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, List<UrlRules> modules) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(ALWAYS_OPEN).permitAll()
				.requestMatchers(HttpMethod.GET, publicReads(modules)).permitAll()
				.requestMatchers(nationalOnly(modules)).hasRole(Role.NATIONAL.name())
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"));
		return http.build();
	}

	private static String[] publicReads(List<UrlRules> modules) {
		return Stream.concat(Stream.of(PUBLISHED), modules.stream().flatMap(rules -> rules.publicReads().stream()))
			.toArray(String[]::new);
	}

	private static String[] nationalOnly(List<UrlRules> modules) {
		return modules.stream().flatMap(rules -> rules.nationalOnly().stream()).toArray(String[]::new);
	}
}
