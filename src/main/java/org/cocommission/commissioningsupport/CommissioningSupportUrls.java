package org.cocommission.commissioningsupport;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A CCG's arrangements are for signed-in users within its scope (checked in the service); the national view is NHS England's. */
@Configuration(proxyBeanMethods = false)
class CommissioningSupportUrls {

	@Bean
	UrlRules commissioningSupportUrlRules() {
		return UrlRules.nationalOnly("/commissioning-support/national", "/commissioning-support/national.csv",
				"/api/v1/commissioning-support/national",
				"/api/v1/commissioning-support/market-shares");
	}
}
