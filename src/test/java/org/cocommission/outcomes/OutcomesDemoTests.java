package org.cocommission.outcomes;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same small demo start-up as DemoDataLoaderTests (one shared context): three years of every starter indicator
 * for every demo practice and CCG, with values at every level and CCG peer groups.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class OutcomesDemoTests {

	private final JdbcClient jdbc;

	@Autowired
	OutcomesDemoTests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Test
	void loadsAThreeYearSeriesForEveryPracticeAndCcgWithPeers() {
		long practices = count("select count(distinct org_code) from outcomes_observation where indicator_id = 'QOF-DM'");
		assertThat(practices).isPositive();
		// Outcomes' own three years; the workforce supplies its indicators for three Septembers besides.
		assertThat(count("select count(distinct v.period) from outcomes_value v join outcomes_indicator i"
				+ " on i.id = v.indicator_id where i.supplied_by is null")).isEqualTo(3);
		assertThat(count("select count(distinct indicator_id) from outcomes_observation")).isGreaterThanOrEqualTo(34);
		assertThat(count("select count(*) from outcomes_value where level = 'ENGLAND' and indicator_id = 'QOF-DM'")).isEqualTo(3);
		long ccgs = count("select count(distinct org_code) from outcomes_value where level = 'CCG' and indicator_id = 'CCGOIS-1.1'");
		assertThat(ccgs).isPositive();
		assertThat(count("select count(distinct org_code) from outcomes_value where level = 'CCG' and indicator_id = 'QOF-DM'"))
			.isEqualTo(ccgs);
		assertThat(count("select count(*) from outcomes_decile where level = 'PRACTICE'")).isPositive();
		assertThat(count("select count(distinct ccg_code) from outcomes_peer")).isEqualTo(ccgs);
		assertThat(count("select count(*) from outcomes_peer_variable where variable = 'DEPRIVATION'")).isEqualTo(ccgs);
		// Diabetes prevalence in England near the 6.2% the demo is drawn around.
		Double england = jdbc.sql("select value from outcomes_value where level = 'ENGLAND' and indicator_id = 'QOF-DM'"
				+ " and period = '2013/14'").query(Double.class).single();
		assertThat(england).isBetween(5.0, 8.0);
	}

	@Test
	void everyLevelOfTheDemoSumsToEnglandInEverySlice() {
		// Issue 16, item 2: each level's numerators and denominators against England's, per indicator and period.
		assertThat(jdbc.sql("""
				select v.indicator_id || ' ' || v.period || ' ' || v.level
				from outcomes_value v
				join outcomes_value e on e.indicator_id = v.indicator_id and e.period = v.period and e.level = 'ENGLAND'
				where v.level <> 'ENGLAND'
				group by v.indicator_id, v.period, v.level, e.numerator, e.denominator
				having abs(sum(v.numerator) - e.numerator) > 1e-6 * greatest(1, e.numerator)
				    or abs(sum(v.denominator) - e.denominator) > 1e-6 * greatest(1, e.denominator)
				""").query(String.class).list()).isEmpty();
		assertThat(count("select count(distinct level) from outcomes_value")).isEqualTo(4);
	}

	@Test
	void theDemoShipsItsStandardisedRatesByAgeBandAndSex() {
		// Issue 16, item 6: the seven directly standardised CCG indicators, 19 bands x 2 sexes per CCG and year.
		assertThat(count("select count(distinct indicator_id) from outcomes_band_observation")).isEqualTo(7);
		assertThat(count("select count(distinct age_band) from outcomes_band_observation")).isEqualTo(19);
		assertThat(count("select count(*) from outcomes_band_observation b join outcomes_indicator i"
				+ " on i.id = b.indicator_id where i.type <> 'DSR'")).isZero();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
