package org.cocommission.outcomes.peers;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.OutcomesTestData;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outcomes module on its own with the modules it uses: after a directory import the peer groups are recomputed by
 * the one entry point a listener of the directory's changes calls, acting as the system outside any request.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "web" })
class PeerGroupRefreshModuleTests {

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final PeerGroupRefresh refresh;

	private final PeerGroups peerGroups;

	private final PracticePeerGroups practicePeers;

	@Autowired
	PeerGroupRefreshModuleTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			PeerGroupRefresh refresh, PeerGroups peerGroups, PracticePeerGroups practicePeers) {
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.refresh = refresh;
		this.peerGroups = peerGroups;
		this.practicePeers = practicePeers;
	}

	@Test
	void aDirectoryImportRecomputesThePeersOnceItHasCommitted() {
		jdbc.sql("delete from outcomes_peer_computation").update();

		OutcomesTestData.directory(jdbc, directoryImports, accounts);

		await().atMost(Duration.ofSeconds(30)).until(() -> practicePeers.computedAt().isPresent());
		assertThat(peerGroups.computedAt()).isPresent();
		assertThat(refresh.isStale()).isFalse();
	}

	@Test
	void peersAreRecomputedOnceAsTheSystemWhenTheDirectoryChangedAfterThem() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		jdbc.sql("delete from outcomes_peer_computation").update();
		SecurityContextHolder.clearContext();

		assertThat(refresh.refreshIfStale()).isTrue();

		assertThat(peerGroups.computedAt()).isPresent();
		assertThat(practicePeers.computedAt()).isPresent();
		assertThat(practicePeers.practicePeers("A81001")).hasSize(7);
		assertThat(refresh.refreshIfStale()).isFalse();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}
}
