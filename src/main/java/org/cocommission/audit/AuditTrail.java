package org.cocommission.audit;

import java.util.List;

import org.cocommission.identity.ActingAs;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Records changes in the caller's transaction, so a change and its audit entry commit or roll back together.
 * The actor is the signed-in user, or {@code system} for work nobody signed in for (start-up, scheduled jobs).
 */
@Service
public class AuditTrail {

	public static final String SYSTEM = ActingAs.SYSTEM;

	private static final String INSERT = "insert into audit_event"
			+ " (actor, action, entity_type, entity_id, organisation_code, before_state, after_state)"
			+ " values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(AuditEntry entry) {
		recordAll(List.of(entry));
	}

	public void recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		String actor = currentActor();
		jdbc.batchUpdate(INSERT, entries, 1000, (statement, entry) -> {
			statement.setString(1, actor);
			statement.setString(2, entry.action());
			statement.setString(3, entry.entityType());
			statement.setString(4, entry.entityId());
			statement.setString(5, entry.organisationCode());
			statement.setString(6, toJson(entry.before()));
			statement.setString(7, toJson(entry.after()));
		});
	}

	private String toJson(Object state) {
		return state == null ? null : json.writeValueAsString(state);
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}
}
