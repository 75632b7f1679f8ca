package org.cocommission.finance.budgets;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget page's chart keeps its field names, nesting and values, with its keys in one order. */
class PopulationChartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theChartGivesTheCcgsItsPeersAndEnglandsSpendPerHeadOnEachServiceNullWhereNoneIsPublished() {
		List<PopulationView.Line> lines = List.of(
				new PopulationView.Line("GP services", Money.ofPounds("150.25"), Money.ofPounds("140"),
						Money.ofPounds("145.5")),
				new PopulationView.Line("Prescribing", null, Money.ofPounds("160"), null));
		String expected = "{\"services\":[\"GP services\",\"Prescribing\"],\"series\":["
				+ "{\"name\":\"NHS ALPHA CCG\",\"values\":[150.25,null]},{\"name\":\"Peer CCGs\",\"values\":[145.50,null]},"
				+ "{\"name\":\"England\",\"values\":[140.00,160.00]}]}";
		String actual = JSON.writeValueAsString(BudgetPagesController.populationChart("NHS ALPHA CCG", lines));
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
		assertThat(actual).isEqualTo(expected);
	}
}
