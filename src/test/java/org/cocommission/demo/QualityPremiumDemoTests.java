package org.cocommission.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import org.cocommission.qualitypremium.LocalMeasures;
import org.cocommission.qualitypremium.QualityPremium;
import org.cocommission.qualitypremium.RunSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** The same small demo start-up as DemoDataLoaderTests (one shared context): the 2013/14 results are published. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class QualityPremiumDemoTests {

	private final QualityPremium qualityPremium;

	private final LocalMeasures localMeasures;

	@Autowired
	QualityPremiumDemoTests(QualityPremium qualityPremium, LocalMeasures localMeasures) {
		this.qualityPremium = qualityPremium;
		this.localMeasures = localMeasures;
	}

	@Test
	void publishesSynthetic2013ResultsWithTheRealShape() {
		RunSummary run = qualityPremium.publishedRun(QualityPremiumDemo.YEAR).orElseThrow();

		assertThat(run.ccgs()).isPositive();
		assertThat(run.bestPercent()).isEqualByComparingTo("87.5");
		assertThat(run.paidPercent().doubleValue()).isBetween(15.0, 55.0);
		String ccg = qualityPremium.results(run.id(), "code").get(0).ccgCode();
		assertThat(qualityPremium.statement(QualityPremiumDemo.YEAR, ccg).award().maximum().signum()).isPositive();
		assertThat(localMeasures.localMeasures(QualityPremiumDemo.YEAR)).hasSize(3 * run.ccgs());
		assertThat(qualityPremium.reproduce(run.id()).reproduced()).isTrue();
	}
}
