package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of a round decided before CoCommission held it (e.g. 2015/16, decided on paper): for each CCG
 * the level that went live on the round's go-live date. NHS England only. Such applications are marked historical
 * and carry no written sections; joint and delegated ones hold every delegable function.
 */
@Service
@Transactional
public class PublishedOutcomes {

	private final JdbcClient jdbc;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	PublishedOutcomes(JdbcClient jdbc, Rounds rounds, AccessPolicy policy, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.policy = policy;
		this.audit = audit;
	}

	/** Records joint and delegated outcomes (greater involvement needs no record); answers how many were recorded. */
	public int record(long roundId, Map<String, CommissioningLevel> outcomes) {
		policy.checkNational();
		Round round = rounds.round(roundId);
		String actor = policy.requireUser().username();
		List<Map.Entry<String, CommissioningLevel>> recorded = outcomes.entrySet().stream()
			.filter(e -> e.getValue().needsCommittee())
			.sorted(Map.Entry.comparingByKey())
			.toList();
		List<AuditEntry> entries = new ArrayList<>();
		for (Map.Entry<String, CommissioningLevel> outcome : recorded) {
			if (!round.offers(outcome.getValue())) {
				throw new IllegalArgumentException(round.name() + " did not offer " + outcome.getValue().label());
			}
			long id = jdbc.sql("insert into cocommissioning_application (round_id, ccg_code, level, status,"
					+ " decision, recommendation, historical, created_by) values (?, ?, ?, 'LIVE', 'APPROVED', 'APPROVE',"
					+ " true, ?) returning id")
				.params(roundId, outcome.getKey(), outcome.getValue().name(), actor)
				.query(Long.class)
				.single();
			entries.add(new AuditEntry("COCOMMISSIONING_OUTCOME_RECORDED", "COCOMMISSIONING_APPLICATION",
					String.valueOf(id), outcome.getKey(), null,
					new OutcomeRecorded(round.name(), outcome.getValue(), round.goLiveOn())));
		}
		jdbc.sql("insert into cocommissioning_status_history (application_id, from_status, to_status, actor, comment)"
				+ " select id, null, 'LIVE', ?, 'Recorded from the published outcome of the round' from"
				+ " cocommissioning_application where round_id = ? and historical")
			.params(actor, roundId)
			.update();
		jdbc.sql("insert into cocommissioning_application_function (application_id, function_code)"
				+ " select a.id, f.code from cocommissioning_application a cross join cocommissioning_function f"
				+ " where a.round_id = ? and a.historical and f.delegable on conflict do nothing")
			.param(roundId)
			.update();
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date, application_id)"
				+ " select ccg_code, level, ?, id from cocommissioning_application where round_id = ? and historical"
				+ " on conflict (ccg_code, from_date) do nothing")
			.params(round.goLiveOn(), roundId)
			.update();
		audit.recordAll(entries);
		return recorded.size();
	}

	/** The audit trail's record of a past round's outcome: the round, the level the CCG took and from when. */
	record OutcomeRecorded(String round, CommissioningLevel level, LocalDate from) {
	}
}
