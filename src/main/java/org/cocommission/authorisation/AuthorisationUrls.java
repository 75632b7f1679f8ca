package org.cocommission.authorisation;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Published outcomes are public: the framework, the waves, the national summary and conditions in force; so is a
 * stakeholder's one-time survey link, which needs no account. A CCG's own
 * page and the reviews need a signed-in user; who may see or review what is checked by {@link Authorisation}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorisationUrls {

	@Bean
	UrlRules authorisationUrlRules() {
		return UrlRules.publicReads("/authorisation", "/authorisation/framework", "/authorisation/waves/**",
				"/authorisation/conditions-in-force.csv", "/api/v1/authorisation/outcomes",
				"/api/v1/authorisation/summary", "/api/v1/authorisation/conditions-in-force",
				"/api/v1/authorisation/framework", "/survey/*");
	}
}
