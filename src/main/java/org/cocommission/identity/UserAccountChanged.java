package org.cocommission.identity;

import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;

/** An account was created, enabled, disabled or had its password changed. */
@DomainEvent
public record UserAccountChanged(String action, String username, String organisationCode, Map<String, Object> before,
		Map<String, Object> after) {
}
