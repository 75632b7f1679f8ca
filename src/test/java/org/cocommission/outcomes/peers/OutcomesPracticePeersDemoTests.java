package org.cocommission.outcomes.peers;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The small demo start-up (the context DemoDataLoaderTests and OutcomesDemoTests share): practice peer groups for every practice with values. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class OutcomesPracticePeersDemoTests {

	private final JdbcClient jdbc;

	@Autowired
	OutcomesPracticePeersDemoTests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void everyDemoPracticeHasTenPeersOnListsAgesAndDeprivation() {
		long practices = count("select count(distinct o.org_code) from outcomes_observation o"
				+ " join outcomes_indicator i on i.id = o.indicator_id and i.level = 'PRACTICE'");
		assertThat(practices).isGreaterThan(10);
		assertThat(count("select count(*) from outcomes_practice_peer where cardinality(peer_codes) = 10")).isEqualTo(practices);
		assertThat(count("select count(*) from outcomes_practice_peer where cardinality(z_scores) = 5")).isEqualTo(practices);
		assertThat(count("select count(*) from outcomes_peer_computation where level = 'PRACTICE'"
				+ " and variables[5] = 'DEPRIVATION'")).isEqualTo(1);
		assertThat(count("select count(*) from outcomes_practice_peer where practice_code = any (peer_codes)")).isZero();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
