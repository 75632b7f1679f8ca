package org.cocommission.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link Audited} event. A plain, synchronous listener on purpose: the entry is written in the
 * transaction that published the event, so there is never a change without its entry, nor an entry without its
 * change.
 */
@Component
class AuditedEvents {

	private final AuditTrail trail;

	AuditedEvents(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(Audited event) {
		trail.record(event.auditEntry());
	}
}
