package org.cocommission.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.cocommission.finance.FinanceTestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "cocommission.test.context=finance")
@AutoConfigureMockMvc
class PopulationQueriesTests {

	private final JdbcClient jdbc;

	private final PopulationQueries populations;

	@Autowired
	PopulationQueriesTests(JdbcClient jdbc, PopulationQueries populations) {
		this.jdbc = jdbc;
		this.populations = populations;
	}

	@Test
	void sumsPracticesIntoTheCcgTheyBelongedToOnTheExtractDate() {
		LocalDate extract = LocalDate.of(2010, 1, 1);
		FinanceTestData.organisation(jdbc, "PQA", "AREA_TEAM", "Area");
		FinanceTestData.organisation(jdbc, "PQ1", "CCG", "First");
		FinanceTestData.organisation(jdbc, "PQ2", "CCG", "Second");
		FinanceTestData.organisation(jdbc, "PQ1P1", "GP_PRACTICE", "Practice one");
		FinanceTestData.organisation(jdbc, "PQ1P2", "GP_PRACTICE", "Practice moving");
		FinanceTestData.link(jdbc, "PQ1P1", "PQ1", null, null);
		// The second practice moved from PQ1 to PQ2 the day after the extract: it still counts in PQ1.
		FinanceTestData.link(jdbc, "PQ1P2", "PQ1", null, LocalDate.of(2010, 1, 1));
		FinanceTestData.link(jdbc, "PQ1P2", "PQ2", LocalDate.of(2010, 1, 2), null);
		FinanceTestData.list(jdbc, "PQ1P1", extract, 10);
		FinanceTestData.list(jdbc, "PQ1P2", extract, 5);

		var ccgs = populations.ccgPopulations(extract).stream().filter(c -> c.ccgCode().startsWith("PQ")).toList();

		assertThat(ccgs).hasSize(1);
		assertThat(ccgs.get(0).ccgCode()).isEqualTo("PQ1");
		assertThat(ccgs.get(0).counts().male().get("90+")).isEqualTo(15);
		assertThat(ccgs.get(0).total()).isEqualTo(15L * 2 * 19);
		assertThat(populations.extractDates()).contains(extract);
		var practices = populations.practicePopulations(extract, "PQ1");
		assertThat(practices).extracting(PopulationQueries.PracticePopulation::practiceCode)
			.containsExactly("PQ1P1", "PQ1P2");
		assertThat(practices.get(1).counts().female().get("0_4")).isEqualTo(5);
		assertThat(populations.ccgs()).contains(new PopulationQueries.CcgRef("PQ1", "First"),
				new PopulationQueries.CcgRef("PQ2", "Second"))
			.noneMatch(ccg -> ccg.code().equals("PQA") || ccg.code().equals("PQ1P1"));
	}
}
