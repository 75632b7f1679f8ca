package org.cocommission.notification;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox shows every e-mail to everyone, so only NHS England sees it. */
@Configuration(proxyBeanMethods = false)
class OutboxUrls {

	@Bean
	UrlRules outboxUrlRules() {
		return UrlRules.nationalOnly("/outbox", "/outbox/**", "/api/v1/outbox", "/api/v1/outbox/**");
	}
}
