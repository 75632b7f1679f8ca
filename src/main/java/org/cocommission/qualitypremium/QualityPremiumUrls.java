package org.cocommission.qualitypremium;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.Role;
import org.cocommission.identity.UrlRules.Owned;
import org.cocommission.identity.UrlRules.WrittenBy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schemes, data and runs are NHS England's to write; a local measure's decision and a CCG's what-if belong to that CCG.
 * Both are refused for anyone else before the body is read (docs/domain-rules.md#input-every-request-follows); the
 * services still check roles.
 */
@Configuration(proxyBeanMethods = false)
class QualityPremiumUrls {

	@Bean
	UrlRules qualityPremiumUrlRules(JdbcClient jdbc) {
		return UrlRules
			.nationalWrites("/quality-premium/schemes/**", "/quality-premium/data", "/quality-premium/runs",
					"/quality-premium/runs/*/publish", "/api/v1/quality-premium/schemes/**",
					"/api/v1/quality-premium/data/**", "/api/v1/quality-premium/runs",
					"/api/v1/quality-premium/runs/*/publish")
			.andOwned(Owned.byCode("/api/v1/quality-premium/runs/*/results/{ccg}/**", "ccg"),
					Owned.byId("/api/v1/quality-premium/local-measures/id/{id}/**", "id", id -> ccgOf(jdbc, id)),
					Owned.byId("/quality-premium/local-measures/{id}/**", "id", id -> ccgOf(jdbc, id)))
			// Proposals and decisions name their CCGs in the body: only CCG users propose (their own CCG's, which
			// LocalMeasures checks first), only area teams and NHS England decide.
			.andWrittenBy(WrittenBy.roles("/quality-premium/local-measures", Role.CCG),
					WrittenBy.roles("/api/v1/quality-premium/local-measures/{year:[0-9][0-9-]*}", Role.CCG),
					WrittenBy.roles("/api/v1/quality-premium/local-measures/{year:[0-9][0-9-]*}/proposals", Role.CCG),
					WrittenBy.roles("/api/v1/quality-premium/local-measures/decisions", Role.AREA_TEAM, Role.NATIONAL));
	}

	private static Optional<String> ccgOf(JdbcClient jdbc, long localMeasure) {
		return jdbc.sql("select ccg_code from qp_local_measure where id = ?").param(localMeasure).query(String.class).optional();
	}
}
