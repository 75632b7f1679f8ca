package org.cocommission.outcomes;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.UrlRules.Owned;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports and recomputing are NHS England's: refused for anyone else before the file is read
 * (docs/domain-rules.md#input-every-request-follows). Withdrawing an alert is refused, before its form is read, to anyone
 * who cannot see the CCG it belongs to; who among them may withdraw it is {@code OutcomesAlerts.canWithdraw}.
 */
@Configuration(proxyBeanMethods = false)
class OutcomesUrls {

	@Bean
	UrlRules outcomesUrlRules(JdbcClient jdbc) {
		return UrlRules.nationalWrites("/outcomes/imports", "/api/v1/outcomes/imports/**",
				"/api/v1/outcomes/peers/recompute")
			.andOwned(Owned.byId("/outcomes/alerts/{id}/withdraw", "id", id -> ccgOf(jdbc, id)),
					Owned.byId("/api/v1/outcomes/alerts/{id}/withdraw", "id", id -> ccgOf(jdbc, id)));
	}

	/** The CCG an alert belongs to: a practice's CCG in the alert's period, or the CCG itself. */
	private static Optional<String> ccgOf(JdbcClient jdbc, long alert) {
		return jdbc.sql("select coalesce(ccg_code, org_code) from outcomes_alert where id = ?")
			.param(alert)
			.query(String.class)
			.optional();
	}
}
