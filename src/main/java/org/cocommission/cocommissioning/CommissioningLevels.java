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
		List<Object[]> rows = jdbc.sql("select level, from_date, application_id from cocommissioning_level"
				+ " where ccg_code = ? order by from_date")
			.param(ccg)
			.query((rs, row) -> new Object[] { CommissioningLevel.valueOf(rs.getString(1)),
					rs.getObject(2, LocalDate.class), rs.getObject(3) == null ? null : rs.getLong(3) })
			.list();
		List<LevelPeriod> periods = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			LocalDate to = i + 1 < rows.size() ? ((LocalDate) rows.get(i + 1)[1]).minusDays(1) : null;
			periods.add(new LevelPeriod((CommissioningLevel) rows.get(i)[0], (LocalDate) rows.get(i)[1], to,
					(Long) rows.get(i)[2]));
		}
		return periods;
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
