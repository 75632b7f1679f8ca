package org.cocommission.cocommissioning;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The national view and setting up a round are NHS England's alone (the services check it too). Approved
 * arrangements are published under /public; everything else needs a signed-in user and is scoped by AccessPolicy.
 */
@Configuration(proxyBeanMethods = false)
class CoCommissioningUrls {

	@Bean
	UrlRules coCommissioningUrlRules() {
		return UrlRules.nationalOnly("/co-commissioning/national", "/co-commissioning/national.csv",
				"/co-commissioning/rounds/new", "/api/v1/co-commissioning/national",
				"/api/v1/co-commissioning/national.csv");
	}
}
