package org.cocommission.qualitypremium;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.cocommission.identity.UrlRules;

/** Only NHS England publishes quality premium statements; refused before any form is read. */
@Configuration(proxyBeanMethods = false)
class QualityPremiumUrls {

	@Bean
	UrlRules qualityPremiumUrlRules() {
		return UrlRules.nationalOnly("/quality-premium/runs/*/publish", "/api/v1/quality-premium/runs/*/publish");
	}
}
