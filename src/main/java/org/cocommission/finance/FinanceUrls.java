package org.cocommission.finance;

import org.cocommission.identity.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Formulas, baselines and runs are NHS England's to write: refused for anyone else before the body is read
 * (docs/domain-rules.md#input-every-request-follows). Budgets are read by their CCGs, scoped by AccessPolicy.
 */
@Configuration(proxyBeanMethods = false)
class FinanceUrls {

	@Bean
	UrlRules financeUrlRules() {
		return UrlRules.nationalWrites("/finance/**", "/api/v1/finance/**");
	}
}
