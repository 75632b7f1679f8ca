package org.cocommission.outcomes.peers;

import org.cocommission.directory.DirectoryChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Peer groups follow the directory as it changes: after an import commits, the peers are recomputed when the change
 * made them stale, rather than at the next start. The start-up check stays, for imports made while the application was
 * down.
 */
@Component
class DirectoryChanges {

	private final PeerGroupRefresh refresh;

	DirectoryChanges(PeerGroupRefresh refresh) {
		this.refresh = refresh;
	}

	/** After the import's commit; {@link PeerGroupRefresh#refreshIfStale} acts as the system. */
	@ApplicationModuleListener
	void on(DirectoryChanged changed) {
		refresh.refreshIfStale();
	}
}
