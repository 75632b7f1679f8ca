package org.cocommission.finance;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports print a weighted population in whole people, as NHS England's annexes do (issue 21, defect 5:
 * PagesInBrowserIT found "590942.3089" in the demo's budgets CSV).
 */
class FinanceTablesTests {

	@Test
	void aWeightedPopulationIsPrintedInWholePeople() {
		assertThat(FinanceTables.people(new BigDecimal("590942.3089"))).hasToString("590942");
		assertThat(FinanceTables.people(new BigDecimal("590942.5000"))).hasToString("590943");
		assertThat(FinanceTables.people(null)).isNull();
	}
}
