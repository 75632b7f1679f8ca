package org.cocommission.outcomes.imports;

import java.util.List;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.platform.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored observations, as imported, for the API: one indicator at a time (the key's first column), optionally
 * one period and one organisation, periods oldest first. Counts like the values computed from them, open to every
 * signed-in user.
 */
@Service
@Transactional(readOnly = true)
public class Observations {

	public static final int MAX_PAGE_SIZE = 5_000;

	private static final String WHERE = " from outcomes_observation o join outcomes_period p on p.period = o.period"
			+ " where o.indicator_id = ? and (cast(? as varchar) is null or o.period = ?)"
			+ " and (cast(? as varchar) is null or o.org_code = ?)";

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final AccessPolicy access;

	Observations(JdbcClient jdbc, Indicators indicators, AccessPolicy access) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.access = access;
	}

	public PageOf<Observation> find(String indicatorId, String period, String orgCode, int page, int size) {
		access.requireUser();
		PageOf.check(page, size, MAX_PAGE_SIZE);
		Indicator indicator = indicators.get(indicatorId);
		String org = orgCode == null || orgCode.isBlank() ? null : orgCode.trim().toUpperCase();
		String chosen = period == null || period.isBlank() ? null : period.trim();
		long total = jdbc.sql("select count(*)" + WHERE)
			.params(indicator.id(), chosen, chosen, org, org)
			.query(Long.class)
			.single();
		List<Observation> items = jdbc.sql("select o.org_code, o.indicator_id, o.period, o.numerator, o.denominator,"
				+ " o.import_id" + WHERE + " order by p.starts, p.ends, o.org_code limit ? offset ?")
			.params(indicator.id(), chosen, chosen, org, org, size, (long) page * size)
			.query(Observation.class)
			.list();
		return new PageOf<>(items, page, size, total);
	}
}
