package org.cocommission.outcomes.alerts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small demo start-up (the same context as DemoDataLoaderTests and OutcomesDemoTests): its three years raise
 * alerts of the latest year against the previous one, for indicators with a polarity only, each placed in an area team.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class OutcomesAlertsDemoTests {

	private final JdbcClient jdbc;

	@Autowired
	OutcomesAlertsDemoTests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void theDemoSeriesRaisesAlertsOfTheLatestYearForJudgedIndicatorsOnly() {
		assertThat(count("select count(*) from outcomes_alert")).isPositive();
		assertThat(count("select count(*) from outcomes_alert where reason = 'INTO_WORST_DECILE'")).isPositive();
		assertThat(count("select count(*) from outcomes_alert a join outcomes_indicator i on i.id = a.indicator_id"
				+ " where i.polarity = 'NO_JUDGEMENT'")).isZero();
		assertThat(count("select count(*) from outcomes_alert a join outcomes_indicator i on i.id = a.indicator_id"
				+ " where i.supplied_by is null and (previous_period <> '2014/15' or period <> '2015/16')")).isZero();
		// The workforce's indicators, supplied for three Septembers: the latest against the one a year before.
		assertThat(count("select count(*) from outcomes_alert a join outcomes_indicator i on i.id = a.indicator_id"
				+ " where i.supplied_by = 'workforce' and (to_date(a.period, 'YYYY-MM')"
				+ " <> to_date(a.previous_period, 'YYYY-MM') + interval '1 year' or a.period <> (select max(period)"
				+ " from outcomes_value where indicator_id = a.indicator_id))")).isZero();
		assertThat(count("select count(*) from outcomes_alert where area_team_code is null")).isZero();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
