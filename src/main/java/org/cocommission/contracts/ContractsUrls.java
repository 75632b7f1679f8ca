package org.cocommission.contracts;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.Role;
import org.cocommission.identity.UrlRules.Owned;
import org.cocommission.identity.UrlRules.WrittenBy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contracts are for signed-in users, each seeing the practices in their scope (checked per practice); payments are
 * published statistics any signed-in user reads. Only NHS England (national users and area teams) imports the payments
 * file: other roles' uploads are refused before the file is read, and the imports page checks the role. A write to a
 * case or a practice's cases is refused before its body is read for anyone who cannot see the practice
 * (docs/domain-rules.md#input-every-request-follows); the cases still check who may do what.
 */
@Configuration(proxyBeanMethods = false)
class ContractsUrls {

	@Bean
	UrlRules contractsUrlRules(JdbcClient jdbc) {
		return UrlRules
			.owned(Owned.byId("/api/v1/contracts/cases/{id}/**", "id", id -> practiceOf(jdbc, id)),
					Owned.byId("/contracts/cases/{id}/**", "id", id -> practiceOf(jdbc, id)),
					Owned.byCode("/api/v1/contracts/practices/{practice}/**", "practice"),
					Owned.byCode("/contracts/practices/{practice}/**", "practice"))
			.andWrittenBy(WrittenBy.roles("/contracts/imports", Role.AREA_TEAM, Role.NATIONAL),
					WrittenBy.roles("/api/v1/contracts/imports/**", Role.AREA_TEAM, Role.NATIONAL));
	}

	private static Optional<String> practiceOf(JdbcClient jdbc, long contractCase) {
		return jdbc.sql("select practice_code from contracts_case where id = ?")
			.param(contractCase)
			.query(String.class)
			.optional();
	}
}
