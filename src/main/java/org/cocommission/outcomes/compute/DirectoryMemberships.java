package org.cocommission.outcomes.compute;

import java.util.List;

import org.cocommission.directory.DirectoryChanged;
import org.cocommission.identity.ActingAs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Values follow the directory's dated memberships: after a directory import commits (epcmem memberships, epraccur or
 * eccg links, organisations), the values whose period's placements it changed are recomputed, and the alerts told as
 * after an import (docs/domain-rules.md#outcomes, "Attribution"). Registered list sizes place nothing and are left
 * alone.
 */
@Component
class DirectoryMemberships {

	private final ValueComputation computation;

	private final ApplicationEventPublisher events;

	DirectoryMemberships(ValueComputation computation, ApplicationEventPublisher events) {
		this.computation = computation;
		this.events = events;
	}

	/** After the import's commit, in a transaction of its own (the listener's). */
	@ApplicationModuleListener
	void on(DirectoryChanged changed) {
		if (changed.registeredPatients()) {
			return;
		}
		ActingAs.system(() -> {
			List<IndicatorPeriod> recomputed = computation.recomputeWherePlacementsChanged();
			if (!recomputed.isEmpty()) {
				events.publishEvent(new ValuesRecomputed(recomputed));
			}
		});
	}
}
