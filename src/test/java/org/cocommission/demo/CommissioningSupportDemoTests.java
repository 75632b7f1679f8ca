package org.cocommission.demo;

import org.junit.jupiter.api.Test;

import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.MarketShare;
import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The same small demo start-up as DemoDataLoaderTests (one shared context): every CCG has its arrangements. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class CommissioningSupportDemoTests {

	@Autowired
	CommissioningSupport support;

	@Test
	void everyCcgBuysMakesAndSharesAndTheSharesAddUpToAHundred() {
		var arrangements = ActingAs.system(support::allArrangements);
		var overall = ActingAs.system(support::marketShares)
			.stream()
			.filter(share -> share.serviceCode() == null)
			.toList();

		assertThat(arrangements).hasSizeGreaterThanOrEqualTo(8 * 2);
		assertThat(overall).isNotEmpty();
		assertThat(overall.stream().map(MarketShare::sharePercent).mapToDouble(java.math.BigDecimal::doubleValue).sum())
			.isBetween(99.8, 100.2);
	}
}
