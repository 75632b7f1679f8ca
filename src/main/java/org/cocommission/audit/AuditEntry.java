package org.cocommission.audit;

/**
 * One change to record: what was done ({@code action}, e.g. {@code ORGANISATION_UPDATED}), to what, in which
 * organisation's scope, and the state before and after (any value Jackson can write; null where none).
 */
public record AuditEntry(String action, String entityType, String entityId, String organisationCode, Object before,
		Object after) {

	public AuditEntry {
		if (action == null || action.isBlank() || entityType == null || entityType.isBlank() || entityId == null) {
			throw new IllegalArgumentException("An audit entry needs an action, an entity type and an entity id");
		}
	}
}
