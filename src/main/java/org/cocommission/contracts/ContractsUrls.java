package org.cocommission.contracts;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contracts are for signed-in users, each seeing the practices in their scope (checked per practice); payments are
 * published statistics any signed-in user reads. Only NHS England imports the payments file.
 */
@Configuration(proxyBeanMethods = false)
class ContractsUrls {

	@Bean
	UrlRules contractsUrlRules() {
		return UrlRules.nationalOnly("/contracts/imports", "/contracts/imports/**", "/api/v1/contracts/imports",
				"/api/v1/contracts/imports/**");
	}
}
