package org.cocommission.cocommissioning;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.Role;
import org.cocommission.identity.UrlRules.Owned;
import org.cocommission.identity.UrlRules.WrittenBy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national view and setting up a round are NHS England's alone (the services check it too). Approved
 * arrangements are published under /public; everything else needs a signed-in user and is scoped by AccessPolicy.
 */
@Configuration(proxyBeanMethods = false)
class CoCommissioningUrls {

	@Bean
	UrlRules coCommissioningUrlRules(JdbcClient jdbc) {
		return UrlRules.nationalOnly("/co-commissioning/national", "/co-commissioning/national.csv",
				"/co-commissioning/rounds/new", "/api/v1/co-commissioning/national",
				"/api/v1/co-commissioning/national.csv")
			.andNationalWrites("/co-commissioning/rounds", "/co-commissioning/rounds/*/quorum",
					"/co-commissioning/rounds/*/windows", "/api/v1/co-commissioning/rounds",
					"/api/v1/co-commissioning/rounds/*/quorum", "/api/v1/co-commissioning/rounds/*/windows")
			// Whose application a write reaches, refused for outsiders before the body is read.
			.andOwned(Owned.byId("/co-commissioning/applications/{id}/**", "id", id -> ccgOf(jdbc, id)),
					Owned.byId("/api/v1/co-commissioning/applications/{id}/**", "id", id -> ccgOf(jdbc, id)),
					Owned.byCode("/api/v1/co-commissioning/ccgs/{ccg}/**", "ccg"))
			// Expressing interest and starting an application name the CCG in the body (the API) or take the user's
			// own (the pages): only CCG users make them (for their own CCG, which Applications checks first).
			.andWrittenBy(WrittenBy.roles("/co-commissioning/rounds/{id}/applications", Role.CCG),
					WrittenBy.roles("/api/v1/co-commissioning/rounds/{id}/applications", Role.CCG),
					WrittenBy.roles("/co-commissioning/rounds/{id}/interest", Role.CCG),
					WrittenBy.roles("/api/v1/co-commissioning/rounds/{id}/interest", Role.CCG));
	}

	private static Optional<String> ccgOf(JdbcClient jdbc, long application) {
		return jdbc.sql("select ccg_code from cocommissioning_application where id = ?")
			.param(application)
			.query(String.class)
			.optional();
	}
}
