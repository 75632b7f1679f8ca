package org.cocommission.governance;

import java.util.Optional;

import org.cocommission.identity.UrlRules;
import org.cocommission.identity.UrlRules.Owned;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whose registers and meetings a write reaches, so that identity refuses another CCG's user before the body is read
 * (docs/domain-rules.md#input-every-request-follows); the services still check duties and roles.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceOwners {

	@Bean
	UrlRules governanceOwnedWrites(JdbcClient jdbc) {
		return UrlRules.owned(Owned.byCode("/governance/ccgs/{ccg}/**", "ccg"),
				Owned.byCode("/api/v1/governance/ccgs/{ccg}/**", "ccg"),
				Owned.byId("/governance/meetings/{id}/**", "id", id -> meetingCcg(jdbc, id)),
				Owned.byId("/api/v1/governance/meetings/{id}/**", "id", id -> meetingCcg(jdbc, id)),
				Owned.byId("/governance/items/{id}/**", "id", id -> itemCcg(jdbc, id)),
				Owned.byId("/api/v1/governance/items/{id}/**", "id", id -> itemCcg(jdbc, id)));
	}

	private static Optional<String> meetingCcg(JdbcClient jdbc, long meeting) {
		return jdbc.sql("select c.ccg_code from governance_meeting m join governance_committee c on c.id = m.committee_id"
				+ " where m.id = ?").param(meeting).query(String.class).optional();
	}

	private static Optional<String> itemCcg(JdbcClient jdbc, long item) {
		return jdbc.sql("select c.ccg_code from governance_agenda_item i join governance_meeting m on m.id = i.meeting_id"
				+ " join governance_committee c on c.id = m.committee_id where i.id = ?").param(item).query(String.class).optional();
	}
}
