package org.cocommission.authorisation;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.UrlRules.Owned;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Published outcomes are public: the framework, the waves, the national summary and conditions in force; so is a
 * stakeholder's one-time survey link, which needs no account, and its answers (a public form: the CSRF token still
 * applies). The survey builder and invitations are NHS England's. A CCG's own
 * page and the reviews need a signed-in user; who may see or review what is checked by {@link Authorisation}, and a
 * review of a condition of a CCG the user cannot see is refused before its body is read.
 */
@Configuration(proxyBeanMethods = false)
class AuthorisationUrls {

	@Bean
	UrlRules authorisationUrlRules(JdbcClient jdbc) {
		return UrlRules.publicReads("/authorisation", "/authorisation/framework", "/authorisation/waves/**",
				"/authorisation/conditions-in-force.csv", "/api/v1/authorisation/outcomes",
				"/api/v1/authorisation/summary", "/api/v1/authorisation/conditions-in-force",
				"/api/v1/authorisation/framework", "/survey/*", "/authorisation/assurance",
				"/authorisation/assurance.csv", "/api/v1/authorisation/assurance", "/api/v1/authorisation/assurance/**",
				// Published survey reports; one not published is not found (SurveyReports.publishedReport).
				"/authorisation/survey-reports", "/authorisation/survey-reports/**", "/api/v1/authorisation/survey-reports",
				"/api/v1/authorisation/survey-reports/**")
			.andPublicForms("/survey/*")
			.andNationalOnly("/authorisation/surveys", "/authorisation/surveys/**")
			.andNationalWrites("/api/v1/authorisation/surveys", "/api/v1/authorisation/surveys/**",
					"/authorisation/applications/{id}/assessors", "/authorisation/applications/{id}/decision",
					"/api/v1/authorisation/applications/{id}/decision")
			.andOwned(Owned.byCode("/authorisation/ccgs/{code}/**", "code"),
					Owned.byCode("/api/v1/authorisation/ccgs/{code}/**", "code"),
					Owned.byId("/api/v1/authorisation/conditions/{id}/**", "id", id -> ccgOf(jdbc, id)),
					Owned.byId("/authorisation/conditions/{id}/**", "id", id -> ccgOf(jdbc, id)),
					// Only the applying CCG adds evidence and submits; assessors and the panel write elsewhere.
					Owned.byId("/authorisation/applications/{id}/evidence", "id", id -> applicantOf(jdbc, id)),
					Owned.byId("/authorisation/applications/{id}/submit", "id", id -> applicantOf(jdbc, id)));
	}

	private static Optional<String> ccgOf(JdbcClient jdbc, long condition) {
		return jdbc.sql("select ccg_code from authorisation_condition where id = ?")
			.param(condition)
			.query(String.class)
			.optional();
	}

	private static Optional<String> applicantOf(JdbcClient jdbc, long application) {
		return jdbc.sql("select ccg_code from authorisation_application where id = ?")
			.param(application)
			.query(String.class)
			.optional();
	}
}
