package org.cocommission.workforce;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Workforce figures are for signed-in users (scoped by organisation in the service); only NHS England imports them; a
 * CCG's targets are set by those who can see the CCG (the service then allows its own users and national users).
 */
@Configuration(proxyBeanMethods = false)
class WorkforceUrls {

	@Bean
	UrlRules workforceUrlRules() {
		return UrlRules
			.nationalOnly("/workforce/imports", "/workforce/imports/**", "/api/v1/workforce/imports",
					"/api/v1/workforce/imports/**")
			.andOwned(UrlRules.Owned.byCode("/api/v1/workforce/targets/{ccg}", "ccg"),
					UrlRules.Owned.byCode("/workforce/planning/{ccg}", "ccg"));
	}
}
