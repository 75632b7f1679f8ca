package org.cocommission.outcomes.peers;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.OutcomesTestData;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;
import org.cocommission.outcomes.Structure;

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

	/**
	 * Issue 16, item 4: peer groups follow the chosen structure. 01M opened on 1 April 2020 and two of 01B's practices
	 * moved to it; the lists are of October 2019. As stored (the extract's organisations) 01M has no peer group; in the
	 * organisations of 1 January 2021 it has, made of its practices' lists, and is 01A's peer.
	 */
	@Test
	void peersFollowTheChosenStructure() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		jdbc.sql("insert into directory_organisation (code, type, name, open_date, status)"
				+ " values ('01M', 'CCG', 'NHS MERGED CCG', '2020-04-01', 'A')").update();
		jdbc.sql("update directory_relationship set valid_to = '2020-03-31' where child_code in ('A81006', 'B00003')"
				+ " and parent_code = '01B'").update();
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from)"
				+ " values ('A81006', '01M', '2020-04-01'), ('B00003', '01M', '2020-04-01')").update();
		try {
			peerGroups.recompute();
			Structure later = new Structure(LocalDate.of(2021, 1, 1));

			assertThat(peerGroups.peersOrEmpty("01M")).isEmpty();
			assertThat(peerGroups.peersOrEmpty("01M", Structure.AS_WAS)).isEmpty();
			assertThat(peerGroups.peersOrEmpty("01M", later)).extracting(PeerGroups.Peer::ccgCode)
				.containsExactlyInAnyOrder("01A", "01B");
			assertThat(peerGroups.peersOrEmpty("01M", later)).first()
				.satisfies(peer -> assertThat(peer.name()).startsWith("NHS "));
			assertThat(peerGroups.peersOrEmpty("01A", later)).extracting(PeerGroups.Peer::ccgCode).contains("01M");
			assertThat(peerGroups.peersOrEmpty("01A", Structure.AS_WAS)).extracting(PeerGroups.Peer::ccgCode)
				.containsExactly("01B");
			// On a date the extract's organisations still stood, the stored groups are the answer.
			assertThat(peerGroups.peersOrEmpty("01A", new Structure(LocalDate.of(2019, 12, 1))))
				.extracting(PeerGroups.Peer::ccgCode).containsExactly("01B");
		}
		finally {
			jdbc.sql("delete from directory_relationship where parent_code = '01M'").update();
			jdbc.sql("update directory_relationship set valid_to = null where child_code in ('A81006', 'B00003')"
					+ " and parent_code = '01B'").update();
			jdbc.sql("delete from directory_organisation where code = '01M'").update();
			peerGroups.recompute();
		}
	}

	@Test
	void aCcgClosedByTheExtractIsNoOnesPeerEvenWithMembersLeftInIt() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		jdbc.sql("insert into directory_organisation (code, type, name, open_date, close_date, status)"
				+ " values ('01Z', 'CCG', 'NHS CLOSED CCG', '2013-04-01', '2019-03-31', 'C')").update();
		jdbc.sql("update directory_relationship set parent_code = '01Z' where child_code = 'B00003'"
				+ " and parent_code = '01B'").update();
		try {
			peerGroups.recompute();

			assertThat(peerGroups.peersOrEmpty("01Z")).isEmpty();
			// The audit trail's record of the recomputation keeps its field names (PeerGroups.PeersComputed).
			assertThat(jdbc.sql("select string_agg(k, ',' order by k)"
					+ " from audit_event, jsonb_object_keys(after_state) k"
					+ " where id = (select max(id) from audit_event where action = 'OUTCOMES_PEERS_COMPUTED')")
				.query(String.class)
				.single()).isEqualTo("ccgs,extract,variables");
			assertThat(peerGroups.peersOrEmpty("01A")).extracting(PeerGroups.Peer::ccgCode).containsExactly("01B");
			assertThat(jdbc.sql("select count(*) from outcomes_peer_variable where ccg_code = '01Z'")
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			jdbc.sql("update directory_relationship set parent_code = '01B' where child_code = 'B00003'"
					+ " and parent_code = '01Z'").update();
			jdbc.sql("delete from directory_organisation where code = '01Z'").update();
		}
	}
}
