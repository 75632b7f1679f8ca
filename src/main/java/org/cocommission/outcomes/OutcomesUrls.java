package org.cocommission.outcomes;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Imports and recomputing are NHS England's: refused for anyone else before the file is read
 * (docs/domain-rules.md#input-every-request-follows).
 */
@Configuration(proxyBeanMethods = false)
class OutcomesUrls {

	@Bean
	UrlRules outcomesUrlRules() {
		return UrlRules.nationalWrites("/outcomes/imports", "/api/v1/outcomes/imports/**",
				"/api/v1/outcomes/peers/recompute");
	}
}
