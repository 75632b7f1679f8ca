package org.cocommission.demo;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.ActingAs;
import org.cocommission.workforce.IndexedSeries;
import org.cocommission.workforce.MeasureRow;
import org.cocommission.workforce.WorkforceLevel;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The same small demo start-up as DemoDataLoaderTests (one shared context): the synthetic workforce is loaded. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class WorkforceDemoStartTests {

	@Autowired
	WorkforceMeasures measures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	WorkforceDemo demo;

	@Test
	void loadsThreeSeptembersAndTheNationalSeries() throws Exception {
		List<YearMonth> months = ActingAs.system(measures::months);
		MeasureRow england = ActingAs.system(() -> measures
			.measure(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.ENGLAND, months.get(months.size() - 1))
			.get(0));
		List<MeasureRow> ccgs = ActingAs.system(() -> measures.measure(WorkforceMeasure.GP_FTE_PER_10K,
				WorkforceLevel.CCG, months.get(months.size() - 1)));

		assertThat(months).hasSize(3).allMatch(month -> month.getMonthValue() == 9);
		assertThat(england.value().doubleValue()).isBetween(5.0, 7.0);
		assertThat(ccgs).isNotEmpty().allMatch(ccg -> ccg.value() != null);
		// The practices' figures reach outcomes as indicators for the same three months, in the background.
		demo.outcomesSupplied().get(5, java.util.concurrent.TimeUnit.MINUTES);
		assertThat(jdbc.sql("select period from outcomes_value where indicator_id = 'WF-GP-FTE-PER-10K'"
				+ " and level = 'ENGLAND' order by period").query(String.class).list())
			.containsExactlyElementsOf(months.stream().map(YearMonth::toString).toList());
		assertThat(jdbc.sql("select value from outcomes_value where indicator_id = 'WF-GP-FTE-PER-10K'"
				+ " and level = 'ENGLAND' and period = ?").param(months.get(months.size() - 1).toString())
			.query(Double.class)
			.single()).isCloseTo(england.value().doubleValue(), org.assertj.core.data.Offset.offset(0.2));
		assertThat(ActingAs.system(() -> measures.indexedGrowth(List.of())))
			.extracting(series -> series.growthPercent().intValue())
			.containsExactlyInAnyOrder(21, 76);
	}
}
