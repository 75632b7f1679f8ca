package org.cocommission.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.outcomes.peers.PeerGroupStore;
import org.cocommission.outcomes.peers.PeerVariables;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each practice's 10 most similar practices in England, on the same variables as CCGs' peers ({@link PeerVariables}):
 * the practice's registered list at the latest extract with ages, and its own deprivation and rurality where every
 * practice compared has them. Practices compared are those with patients registered that day and a CCG. Recomputed
 * with the CCGs' peers ({@link PeerGroups#recompute()}).
 */
@Service
public class PracticePeerGroups {

	private static final Logger log = LoggerFactory.getLogger(PracticePeerGroups.class);

	static final int PEERS = 10;

	/** The audit trail's record of a recomputation: the practices grouped, the extract and the variables used. */
	record PracticePeersComputed(int practices, String extract, List<String> variables) {
	}

	/** A peer of a practice, nearest first; {@code distance} is in standard deviations across all practices. */
	public record Peer(int rank, String practiceCode, String name, double distance) {
	}

	private final JdbcClient jdbc;

	private final PopulationQueries populations;

	private final PeerGroupStore store;

	private final AuditTrail audit;

	private final Clock clock;

	PracticePeerGroups(JdbcClient jdbc, PopulationQueries populations, PeerGroupStore store, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.populations = populations;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/** Recomputes every practice's peers; returns how many practices have them. */
	@Transactional
	public int recompute() {
		long started = System.nanoTime();
		List<LocalDate> extracts = populations.extractDates();
		LocalDate extract = extracts.isEmpty() ? null : extracts.get(extracts.size() - 1);
		Map<String, double[]> raw = new LinkedHashMap<>();
		if (extract != null) {
			for (PopulationQueries.PracticeAgeProfile practice : populations.practiceAgeProfiles(extract)) {
				if (practice.ccgCode() != null && practice.total() > 0) {
					raw.put(practice.practiceCode(), PeerVariables.fromList(practice.total(), practice.aged0To14(),
							practice.aged65Plus(), practice.aged85Plus()));
				}
			}
		}
		jdbc.sql("select org_code, attribute, value from outcomes_org_attribute").query(rs -> {
			// By hand, into the primitive arrays the distances are computed on.
			double[] values = raw.get(rs.getString(1));
			if (values != null) {
				values[PeerVariables.NAMES.indexOf(rs.getString(2))] = rs.getDouble(3);
			}
		});
		long read = System.nanoTime();
		PeerVariables.Computed computed = PeerVariables.compute(raw, PEERS);
		long distances = System.nanoTime();
		store.replacePractices(computed, extract, clock.instant());
		audit.record(new AuditEntry("OUTCOMES_PRACTICE_PEERS_COMPUTED", "OUTCOMES_PEERS", "practice", null, null,
				new PracticePeersComputed(computed.codes().length, String.valueOf(extract), computed.usedNames())));
		log.info("Recomputed the peers of {} practices on {}: lists and attributes read in {} ms, distances in {} ms,"
				+ " stored in {} ms", computed.codes().length, computed.usedNames(), (read - started) / 1_000_000,
				(distances - read) / 1_000_000, (System.nanoTime() - distances) / 1_000_000);
		return computed.codes().length;
	}

	/** A practice's peers, nearest first; empty for an unknown practice or one no peer group was made for. */
	@Transactional(readOnly = true)
	public List<Peer> practicePeers(String practiceCode) {
		return jdbc.sql("""
				select r.rank, r.peer as practice_code, coalesce(o.name, r.peer) as name, r.distance
				from outcomes_practice_peer p
				cross join lateral unnest(p.peer_codes, p.distances) with ordinality as r(peer, distance, rank)
				left join directory_organisation o on o.code = r.peer
				where p.practice_code = ? order by r.rank
				""")
			.param(practiceCode)
			.query(Peer.class)
			.list();
	}

	/** The standardised variables of a practice, in the order they are shown; empty if it has no peer group. */
	@Transactional(readOnly = true)
	public List<PeerGroups.Variable> variables(String practiceCode) {
		return variablesOf(List.of(practiceCode)).getOrDefault(practiceCode, List.of());
	}

	/** The standardised variables of several practices (such as one and its peers), by practice code. */
	@Transactional(readOnly = true)
	public Map<String, List<PeerGroups.Variable>> variablesOf(Collection<String> practiceCodes) {
		Map<String, List<PeerGroups.Variable>> result = new LinkedHashMap<>();
		List<String> names = variablesUsed();
		// By hand: the variables are array columns, read position by position.
		jdbc.sql("select practice_code, raw_values, z_scores from outcomes_practice_peer where practice_code = any (?)")
			.param(practiceCodes.toArray(String[]::new))
			.query(rs -> {
					Double[] raw = (Double[]) rs.getArray(2).getArray();
					Double[] z = (Double[]) rs.getArray(3).getArray();
					List<PeerGroups.Variable> variables = new ArrayList<>();
					for (int v = 0; v < Math.min(names.size(), raw.length); v++) {
						variables.add(new PeerGroups.Variable(names.get(v),
								PeerVariables.LABELS.getOrDefault(names.get(v), names.get(v)), raw[v], z[v]));
					}
					result.put(rs.getString(1), variables);
				});
		return result;
	}

	/** The variables the latest computation used, in the order they are shown. */
	@Transactional(readOnly = true)
	public List<String> variablesUsed() {
		return jdbc.sql("select unnest(variables) from outcomes_peer_computation where level = 'PRACTICE'")
			.query(String.class)
			.list();
	}

	/** When practice peer groups were last computed, if ever. */
	@Transactional(readOnly = true)
	public Optional<Instant> computedAt() {
		return store.computedAt(PeerGroupStore.Kind.PRACTICE);
	}

	@Transactional(readOnly = true)
	public boolean hasAny() {
		return jdbc.sql("select exists (select 1 from outcomes_practice_peer)").query(Boolean.class).single();
	}
}
