package org.cocommission.outcomes.discussions;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The same small demo start-up as DemoDataLoaderTests (one shared context): synthetic threads between peers. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class OutcomesDiscussionDemoTests {

	private final JdbcClient jdbc;

	@Autowired
	OutcomesDiscussionDemoTests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void startsAHandfulOfSyntheticThreadsBetweenPeersWithChartsAndMentions() {
		long threads = count("select count(*) from outcomes_discussion");
		assertThat(threads).isBetween(3L, 5L);
		assertThat(count("select count(*) from outcomes_discussion where synthetic and title like 'Synthetic demo:%'"))
			.isEqualTo(threads);
		assertThat(count("select count(*) from outcomes_discussion d where org_type = 'CCG' and not exists"
				+ " (select 1 from outcomes_peer p where p.ccg_code = d.org_code and p.peer_code = d.peer_code)")).isZero();
		assertThat(count("select count(distinct chart_kind) from outcomes_discussion_comment")).isEqualTo(3);
		assertThat(count("select count(*) from outcomes_discussion d where not exists (select 1 from"
				+ " outcomes_discussion_comment c where c.discussion_id = d.id and c.chart_kind = 'DECILES')")).isZero();
		assertThat(count("select count(*) from outcomes_discussion_comment where not published")).isPositive();
		assertThat(count("select count(*) from outcomes_discussion_mention")).isGreaterThanOrEqualTo(threads);
		assertThat(count("select count(*) from notification_notice where title like 'You were mentioned%'")).isPositive();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
