package org.cocommission.outcomes.peers;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes computed peer groups, each table in one statement over arrays, and records when and on what they were
 * computed. CCGs keep a row per peer and per variable (other capabilities read them so); practices a row each with
 * their peers and variables as arrays, which writes ten times fewer rows.
 */
@Component
public class PeerGroupStore {

	/** Which peer groups. */
	public enum Kind {
		CCG, PRACTICE
	}

	private final JdbcClient jdbc;

	PeerGroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the CCGs' peer groups with {@code computed}; the caller's transaction makes it all or nothing. */
	public void replaceCcgs(PeerVariables.Computed computed, LocalDate extract, Instant now) {
		jdbc.sql("delete from outcomes_peer").update();
		jdbc.sql("delete from outcomes_peer_variable").update();
		Flat flat = Flat.of(computed);
		// Parallel arrays unnested: one statement per table, however many CCGs.
		jdbc.sql("""
				insert into outcomes_peer_variable (ccg_code, variable, raw_value, z_score)
				select * from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as float8[]), cast(? as float8[]))
				""")
			.params(flat.variableOwners, flat.variableNames, flat.rawValues, flat.zScores)
			.update();
		jdbc.sql("""
				insert into outcomes_peer (ccg_code, rank, peer_code, distance, computed_at)
				select u.*, cast(? as timestamptz)
				from unnest(cast(? as varchar[]), cast(? as int4[]), cast(? as varchar[]), cast(? as float8[])) as u
				""")
			.params(Timestamp.from(now), flat.peerOwners, flat.ranks, flat.peerCodes, flat.distances)
			.update();
		stamp(Kind.CCG, computed, extract, now);
	}

	/** Replaces the practices' peer groups with {@code computed}, one row per practice. */
	public void replacePractices(PeerVariables.Computed computed, LocalDate extract, Instant now) {
		// Delete rather than truncate, so that pages reading peers never wait for an import's transaction.
		jdbc.sql("delete from outcomes_practice_peer").update();
		Flat flat = Flat.of(computed);
		jdbc.sql("""
				with peers as (
				    select owner, array_agg(peer order by rank) as peer_codes, array_agg(distance order by rank) as distances
				    from unnest(cast(? as varchar[]), cast(? as int4[]), cast(? as varchar[]), cast(? as float8[]))
				      as u(owner, rank, peer, distance)
				    group by owner
				),
				variables as (
				    select owner, array_agg(raw order by n) as raw_values, array_agg(z order by n) as z_scores
				    from unnest(cast(? as varchar[]), cast(? as float8[]), cast(? as float8[])) with ordinality
				      as v(owner, raw, z, n)
				    group by owner
				)
				insert into outcomes_practice_peer (practice_code, peer_codes, distances, raw_values, z_scores)
				select v.owner, coalesce(p.peer_codes, '{}'), coalesce(p.distances, '{}'), v.raw_values, v.z_scores
				from variables v left join peers p on p.owner = v.owner
				""")
			.params(flat.peerOwners, flat.ranks, flat.peerCodes, flat.distances, flat.variableOwners, flat.rawValues,
					flat.zScores)
			.update();
		stamp(Kind.PRACTICE, computed, extract, now);
	}

	/** When the kind's peer groups were last computed, if ever. */
	public Optional<Instant> computedAt(Kind kind) {
		return jdbc.sql("select computed_at from outcomes_peer_computation where level = ?")
			.param(kind.name())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private void stamp(Kind kind, PeerVariables.Computed computed, LocalDate extract, Instant now) {
		jdbc.sql("""
				insert into outcomes_peer_computation (level, computed_at, extract_date, organisations, variables)
				values (?, ?, ?, ?, ?)
				on conflict (level) do update set computed_at = excluded.computed_at, extract_date = excluded.extract_date,
				  organisations = excluded.organisations, variables = excluded.variables
				""")
			.params(kind.name(), Timestamp.from(now), extract == null ? null : java.sql.Date.valueOf(extract),
					computed.codes().length, computed.usedNames().toArray(String[]::new))
			.update();
	}

	/** The computed groups as parallel columns: one entry per organisation and peer, and per organisation and variable. */
	private record Flat(String[] peerOwners, Integer[] ranks, String[] peerCodes, Double[] distances,
			String[] variableOwners, String[] variableNames, Double[] rawValues, Double[] zScores) {

		static Flat of(PeerVariables.Computed computed) {
			int n = computed.codes().length;
			int used = computed.used().size();
			int keep = n == 0 ? 0 : computed.nearest().peers()[0].length;
			Flat flat = new Flat(new String[n * keep], new Integer[n * keep], new String[n * keep], new Double[n * keep],
					new String[n * used], new String[n * used], new Double[n * used], new Double[n * used]);
			for (int o = 0; o < n; o++) {
				for (int v = 0; v < used; v++) {
					int at = o * used + v;
					flat.variableOwners[at] = computed.codes()[o];
					flat.variableNames[at] = PeerVariables.NAMES.get(computed.used().get(v));
					flat.rawValues[at] = computed.shown(o, v);
					flat.zScores[at] = computed.scores()[o][v];
				}
				for (int k = 0; k < keep; k++) {
					int at = o * keep + k;
					flat.peerOwners[at] = computed.codes()[o];
					flat.ranks[at] = k + 1;
					flat.peerCodes[at] = computed.codes()[computed.nearest().peers()[o][k]];
					flat.distances[at] = computed.nearest().distances()[o][k];
				}
			}
			return flat;
		}
	}
}
