package org.cocommission.outcomes.peers;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.ImportRecord;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps CCG and practice peer groups in step with the directory: at start-up (after the demo runners) the peers are
 * recomputed when the directory's last committed import is newer than their computation; imports of deprivation or
 * rurality recompute them at once ({@link PeerGroups}). {@link #refreshIfStale} is the one entry point, also for a
 * listener of the directory's change event, and runs as the system.
 */
@Component
public class PeerGroupRefresh {

	private static final Logger log = LoggerFactory.getLogger(PeerGroupRefresh.class);

	private final DirectoryImports directoryImports;

	private final PeerGroups peerGroups;

	private final PracticePeerGroups practicePeers;

	PeerGroupRefresh(DirectoryImports directoryImports, PeerGroups peerGroups, PracticePeerGroups practicePeers) {
		this.directoryImports = directoryImports;
		this.peerGroups = peerGroups;
		this.practicePeers = practicePeers;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void atStartUp() {
		refreshIfStale();
	}

	/**
	 * Recomputes the peer groups when the directory changed after they were computed; returns whether it did. Work
	 * outside a request, so it acts as the system whoever calls it.
	 */
	public boolean refreshIfStale() {
		return ActingAs.system(() -> {
			if (!isStale()) {
				return false;
			}
			log.info("The directory changed after the peer groups were computed: recomputing them");
			peerGroups.recompute();
			return true;
		});
	}

	/** Whether the directory's last committed import finished after either kind of peer group was computed. */
	public boolean isStale() {
		Optional<Instant> changed = directoryImports.recentImports(50)
			.stream()
			.filter(record -> "COMMITTED".equals(record.outcome()))
			.map(ImportRecord::finishedAt)
			.findFirst();
		if (changed.isEmpty()) {
			return false;
		}
		Optional<Instant> ccgs = peerGroups.computedAt();
		Optional<Instant> practices = practicePeers.computedAt();
		return ccgs.isEmpty() || practices.isEmpty() || ccgs.get().isBefore(changed.get())
				|| practices.get().isBefore(changed.get());
	}
}
