package org.cocommission.audit;

import org.cocommission.identity.UserAccountChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every account change. A plain, synchronous listener on purpose: the entry is written in the transaction
 * that changed the account, so there is never a change without its entry, nor an entry without its change.
 */
@Component
class UserAccountAuditor {

	static final String ENTITY_TYPE = "USER_ACCOUNT";

	private final AuditTrail trail;

	UserAccountAuditor(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(UserAccountChanged change) {
		trail.record(new AuditEntry(change.action(), ENTITY_TYPE, change.username(), change.organisationCode(),
				change.before(), change.after()));
	}
}
