package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The level each CCG commissions primary care at over time, as arrangements go live. A CCG with no live arrangement
 * has greater involvement only (docs/domain-rules.md#co-commissioning: no approval process). Published information:
 * open to all.
 */
@Service
@Transactional(readOnly = true)
public class CommissioningLevels {

	/** One period at a level; {@code to} is null while it lasts. */
	public record LevelPeriod(CommissioningLevel level, LocalDate from, LocalDate to, Long applicationId) {
	}

	private final JdbcClient jdbc;

	CommissioningLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The CCG's levels, oldest first; empty when no arrangement ever went live. */
	public List<LevelPeriod> history(String ccg) {
		// Each period ends the day before the next one starts.
		return jdbc.sql("select level, from_date as \"from\","
				+ " lead(from_date) over (order by from_date) - 1 as \"to\", application_id"
				+ " from cocommissioning_level where ccg_code = ? order by from_date")
			.param(ccg)
			.query(LevelPeriod.class)
			.list();
	}

	/** A level approved by the board that goes live on a date: the round's go-live date. */
	public record ScheduledLevel(CommissioningLevel level, LocalDate from, long applicationId) {
	}

	/** The levels the board approved for the CCG that have not gone live yet, soonest first. */
	public List<ScheduledLevel> scheduled(String ccg) {
		return jdbc.sql("select a.level, r.go_live_on as \"from\", a.id as application_id from cocommissioning_application a"
				+ " join cocommissioning_round r on r.id = a.round_id where a.ccg_code = ? and a.status = 'DECIDED'"
				+ " and a.decision in ('APPROVED', 'APPROVED_WITH_CONDITIONS') order by r.go_live_on, a.id")
			.param(ccg)
			.query(ScheduledLevel.class)
			.list();
	}

	/** The level on a date. */
	public CommissioningLevel levelOn(String ccg, LocalDate date) {
		return jdbc.sql("select level from cocommissioning_level where ccg_code = ? and from_date <= ?"
				+ " order by from_date desc limit 1")
			.params(ccg, date)
			.query(String.class)
			.optional()
			.map(CommissioningLevel::valueOf)
			.orElse(CommissioningLevel.GREATER_INVOLVEMENT);
	}

	/** The delegable functions held through the live arrangement on a date (delegated or joint). */
	public List<String> functionsHeld(String ccg, LocalDate date) {
		return jdbc.sql("select f.name from cocommissioning_level l"
				+ " join cocommissioning_application_function af on af.application_id = l.application_id"
				+ " join cocommissioning_function f on f.code = af.function_code"
				+ " where l.id = (select id from cocommissioning_level where ccg_code = ? and from_date <= ?"
				+ " order by from_date desc limit 1) order by f.position")
			.params(ccg, date)
			.query(String.class)
			.list();
	}
}
