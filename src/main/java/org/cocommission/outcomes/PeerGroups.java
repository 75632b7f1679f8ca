package org.cocommission.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.outcomes.peers.PeerGroupRefresh;
import org.cocommission.outcomes.peers.PeerGroupStore;
import org.cocommission.outcomes.peers.PeerVariables;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each CCG's 10 most similar CCGs, from its registered lists (size and age structure at the latest extract with ages)
 * and, when every CCG has them, deprivation and rurality loaded as data (a CCG's own value, or the list-weighted mean
 * of its practices'). Stored with the standardised variables so that pages can say why two CCGs are peers. The
 * directory publishes no event when it changes: {@link PeerGroupRefresh} recomputes at start-up when its last import
 * is newer than the peers, and attribute imports recompute them at once.
 */
@Service
public class PeerGroups {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeerGroups.class);

	static final int PEERS = 10;

	/** The variables, in the order they are shown. */
	public static final Map<String, String> VARIABLES = PeerVariables.LABELS;

	/** The audit trail's record of a recomputation: the CCGs grouped, the extract and the variables used. */
	record PeersComputed(int ccgs, String extract, List<String> variables) {
	}

	/** A peer of a CCG, nearest first. */
	public record Peer(int rank, String ccgCode, String name, double distance) {
	}

	/** One variable of a CCG: its value and how many standard deviations it sits from the mean of all CCGs. */
	public record Variable(String variable, String label, double value, double zScore) {
	}

	private final JdbcClient jdbc;

	private final PopulationQueries populations;

	private final AuditTrail audit;

	private final Clock clock;

	private final PeerGroupStore store;

	private final PracticePeerGroups practicePeers;

	private final org.cocommission.outcomes.read.OutcomesReadCache cache;

	PeerGroups(JdbcClient jdbc, PopulationQueries populations, AuditTrail audit, Clock clock, PeerGroupStore store,
			PracticePeerGroups practicePeers, org.cocommission.outcomes.read.OutcomesReadCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.populations = populations;
		this.audit = audit;
		this.clock = clock;
		this.store = store;
		this.practicePeers = practicePeers;
	}

	/**
	 * Recomputes every CCG's peers, then every practice's (both rest on the same lists and attributes, so whatever
	 * changes one changes the other); returns how many CCGs have them.
	 */
	@Transactional
	public int recompute() {
		long started = System.nanoTime();
		List<LocalDate> extracts = populations.extractDates();
		if (extracts.isEmpty()) {
			store.replaceCcgs(PeerVariables.compute(Map.of(), PEERS), null, clock.instant());
			practicePeers.recompute();
			return 0;
		}
		LocalDate extract = extracts.get(extracts.size() - 1);
		long[] took = new long[2];
		PeerVariables.Computed computed = compute(extract, extract, took);
		long populated = started + took[0];
		long attributed = populated + took[1];
		store.replaceCcgs(computed, extract, clock.instant());
		audit.record(new AuditEntry("OUTCOMES_PEERS_COMPUTED", "OUTCOMES_PEERS", "ccg", null, null,
				new PeersComputed(computed.codes().length, extract.toString(), computed.usedNames())));
		log.info("Recomputed the peers of {} CCGs: populations in {} ms, attributes in {} ms, distances and stored in {} ms",
				computed.codes().length, (populated - started) / 1_000_000, (attributed - populated) / 1_000_000,
				(System.nanoTime() - attributed) / 1_000_000);
		practicePeers.recompute();
		return computed.codes().length;
	}

	/**
	 * The peer groups of the CCGs of {@code day}'s structure: each CCG's registered lists at the extract summed over the
	 * practices that belonged to it on {@code day} (the directory's one rule), without CCGs closed by then; attributes
	 * weighted the same way. {@code took} receives the nanoseconds spent on populations and on attributes.
	 */
	private PeerVariables.Computed compute(LocalDate extract, LocalDate day, long[] took) {
		long started = System.nanoTime();
		Map<String, double[]> raw = new LinkedHashMap<>();
		for (PopulationQueries.CcgPopulation ccg : populations.ccgPopulations(extract, day)) {
			if (ccg.total() > 0) {
				raw.put(ccg.ccgCode(), PeerVariables.fromList(ccg.counts()));
			}
		}
		// A CCG closed by then (eccg.csv lists closed CCGs) has no peer group and is no one's peer, even where a
		// membership never ended still places practices in it (docs/domain-rules.md#outcomes, "Peer groups").
		jdbc.sql("select code from directory_organisation where type = 'CCG' and close_date < ?")
			.param(day)
			.query(String.class)
			.list()
			.forEach(raw::remove);
		long populated = System.nanoTime();
		addAttribute(raw, "DEPRIVATION", PeerVariables.DEPRIVATION, extract, day);
		addAttribute(raw, "RURALITY", PeerVariables.RURALITY, extract, day);
		took[0] = populated - started;
		took[1] = System.nanoTime() - populated;
		return PeerVariables.compute(raw, PEERS);
	}

	/**
	 * A CCG's peers in a chosen structure (docs/domain-rules.md#outcomes, "Peer groups"): as stored (the structure of
	 * the latest extract) for {@code as-was} or null; among the CCGs of the structure's date otherwise, computed on read
	 * and kept until the directory or the values change. Empty for a CCG that has no peer group in that structure.
	 */
	public List<Peer> peersOrEmpty(String ccgCode, Structure structure) {
		PeerVariables.Computed computed = inStructure(structure);
		if (computed == null) {
			return peersOrEmpty(ccgCode);
		}
		int own = java.util.Arrays.asList(computed.codes()).indexOf(ccgCode);
		if (own < 0) {
			return List.of();
		}
		int[] nearest = computed.nearestOf(own);
		double[] distances = computed.distancesOf(own);
		List<String> codes = java.util.Arrays.stream(nearest).mapToObj(peer -> computed.codes()[peer]).toList();
		Map<String, String> names = new java.util.HashMap<>();
		jdbc.sql("select code, name from directory_organisation where code in (:codes)")
			.param("codes", codes.isEmpty() ? List.of("") : codes)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(entry -> names.put(entry.getKey(), entry.getValue()));
		List<Peer> peers = new java.util.ArrayList<>();
		for (int rank = 0; rank < nearest.length; rank++) {
			String code = codes.get(rank);
			peers.add(new Peer(rank + 1, code, names.getOrDefault(code, code), distances[rank]));
		}
		return peers;
	}

	/** {@link #peers(String)} in a chosen structure: a {@link NoSuchElementException} for a CCG with no peer group in it. */
	public List<Peer> peers(String ccgCode, Structure structure) {
		if (inStructure(structure) == null) {
			return peers(ccgCode);
		}
		List<Peer> peers = peersOrEmpty(ccgCode, structure);
		if (peers.isEmpty()) {
			throw new NoSuchElementException("No peer group for CCG " + ccgCode + " in the organisations of "
					+ structure.date());
		}
		return peers;
	}

	/** The peer groups of a structure's date; null when they are the stored ones (as-was, or nothing placed elsewhere). */
	private PeerVariables.Computed inStructure(Structure structure) {
		if (structure == null || structure.asWas()) {
			return null;
		}
		List<LocalDate> extracts = populations.extractDates();
		if (extracts.isEmpty()) {
			return null;
		}
		LocalDate extract = extracts.get(extracts.size() - 1);
		return cache.get("peersInStructure", List.of(extract, structure.date()), () -> {
			boolean same = jdbc.sql("""
					with listed as (select distinct practice_code from directory_registered_patients where extract_date = ?),
					then_ as (select child_code, parent_code from directory_links_on(?) where parent_type = 'CCG'),
					now_ as (select child_code, parent_code from directory_links_on(?) where parent_type = 'CCG')
					select not exists (
					    select 1 from listed l
					    left join then_ t on t.child_code = l.practice_code
					    left join now_ n on n.child_code = l.practice_code
					    where t.parent_code is distinct from n.parent_code)
					  and not exists (select 1 from directory_organisation where type = 'CCG'
					    and close_date >= ? and close_date < ?)
					""")
				.params(extract, extract, structure.date(), extract, structure.date())
				.query(Boolean.class)
				.single();
			return same ? Optional.<PeerVariables.Computed>empty()
					: Optional.of(compute(extract, structure.date(), new long[2]));
		}).orElse(null);
	}

	/** A CCG's peers, nearest first; empty, never an error, for an unknown CCG or one no peer group was made for. */
	@Transactional(readOnly = true)
	public List<Peer> peersOrEmpty(String ccgCode) {
		return jdbc.sql("select p.rank, p.peer_code as ccg_code, coalesce(o.name, p.peer_code) as name, p.distance"
				+ " from outcomes_peer p left join directory_organisation o on o.code = p.peer_code"
				+ " where p.ccg_code = ? order by p.rank")
			.param(ccgCode)
			.query(Peer.class)
			.list();
	}

	/** When CCG peer groups were last computed, if ever. */
	@Transactional(readOnly = true)
	public Optional<Instant> computedAt() {
		return store.computedAt(PeerGroupStore.Kind.CCG);
	}

	/**
	 * A CCG's peers, nearest first: empty while no peer groups have been computed at all, and a
	 * {@link NoSuchElementException} for a CCG left out of computed groups ({@link #peersOrEmpty} never throws).
	 */
	@Transactional(readOnly = true)
	public List<Peer> peers(String ccgCode) {
		List<Peer> peers = peersOrEmpty(ccgCode);
		if (peers.isEmpty() && !hasAny()) {
			return List.of();
		}
		if (peers.isEmpty()) {
			throw new NoSuchElementException("No peer group for CCG " + ccgCode);
		}
		return peers;
	}

	@Transactional(readOnly = true)
	public List<Variable> variables(String ccgCode) {
		return jdbc.sql("select variable, variable as label, raw_value as value, z_score from outcomes_peer_variable"
				+ " where ccg_code = ?")
			.param(ccgCode)
			.query(Variable.class)
			.stream()
			.map(v -> new Variable(v.variable(), VARIABLES.getOrDefault(v.variable(), v.variable()), v.value(), v.zScore()))
			.sorted(java.util.Comparator.comparing(v -> List.copyOf(VARIABLES.keySet()).indexOf(v.variable())))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean hasAny() {
		return jdbc.sql("select exists (select 1 from outcomes_peer)").query(Boolean.class).single();
	}

	/** A CCG attribute: the CCG's own value if loaded, else the list-weighted mean of its practices' values. */
	private void addAttribute(Map<String, double[]> raw, String attribute, int index, LocalDate extract, LocalDate day) {
		// Practices' values are weighted and summed per CCG first, then joined to the CCGs: one left join chain over
		// every relationship and list row took seconds at national scale.
		jdbc.sql("""
				with members as (
				    select l.child_code, l.parent_code from directory_links_on(?) l where l.parent_type = 'CCG'
				),
				weighted as (
				    select m.parent_code as ccg_code, sum(a.value * rp.patients) / nullif(sum(rp.patients), 0) as value
				    from members m
				    join outcomes_org_attribute a on a.org_code = m.child_code and a.attribute = ?
				    join directory_registered_patients rp on rp.practice_code = m.child_code and rp.extract_date = ?
				      and rp.sex = 'ALL' and rp.age_band = 'ALL'
				    group by m.parent_code
				)
				select c.code, coalesce(own.value, w.value)
				from directory_organisation c
				left join outcomes_org_attribute own on own.org_code = c.code and own.attribute = ?
				left join weighted w on w.ccg_code = c.code
				where c.type = 'CCG'
				""").params(day, attribute, extract, attribute).query(rs -> {
			// By hand, into the primitive array the distances are computed on.
			double[] values = raw.get(rs.getString(1));
			double value = rs.getDouble(2);
			if (values != null && !rs.wasNull()) {
				values[index] = value;
			}
		});
	}
}
