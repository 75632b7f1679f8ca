package org.cocommission.commissioningsupport;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A CCG's arrangements, call-offs, reviews and service levels are for signed-in users within its scope (checked in
 * the service); writes to them only for those who can see the CCG; the national view is NHS England's. The comparison
 * of providers is checked in the service (NHS England and area teams).
 */
@Configuration(proxyBeanMethods = false)
class CommissioningSupportUrls {

	@Bean
	UrlRules commissioningSupportUrlRules(CallOffs callOffs) {
		return UrlRules
			.nationalOnly("/commissioning-support/national", "/commissioning-support/national.csv",
					"/api/v1/commissioning-support/national", "/api/v1/commissioning-support/market-shares")
			.andOwned(UrlRules.Owned.byCode("/api/v1/commissioning-support/ccgs/{ccg}/call-offs", "ccg"),
					UrlRules.Owned.byCode("/commissioning-support/ccgs/{ccg}/call-offs", "ccg"),
					UrlRules.Owned.byId("/api/v1/commissioning-support/call-offs/{id}/**", "id", callOffs::owner),
					UrlRules.Owned.byId("/commissioning-support/call-offs/{id}/**", "id", callOffs::owner),
					UrlRules.Owned.byCode("/api/v1/commissioning-support/ccgs/{ccg}/reviews/**", "ccg"),
					UrlRules.Owned.byCode("/commissioning-support/ccgs/{ccg}/reviews/**", "ccg"),
					UrlRules.Owned.byCode("/api/v1/commissioning-support/ccgs/{ccg}/service-levels/**", "ccg"),
					UrlRules.Owned.byCode("/commissioning-support/ccgs/{ccg}/service-levels/**", "ccg"));
	}
}
