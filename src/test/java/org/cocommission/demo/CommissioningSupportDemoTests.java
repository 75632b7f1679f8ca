package org.cocommission.demo;

import org.junit.jupiter.api.Test;

import org.cocommission.commissioningsupport.CallOff;
import org.cocommission.commissioningsupport.CallOffStatus;
import org.cocommission.commissioningsupport.CallOffs;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.MarketShare;
import org.cocommission.commissioningsupport.ProviderComparison;
import org.cocommission.commissioningsupport.ProviderReviews;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;

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

	@Autowired
	CallOffs callOffs;

	@Autowired
	ProviderReviews reviews;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

	@Test
	void oneCcgAwardedItsBusinessIntelligenceCallOffWithoutItsConflictedEvaluatorAndHasAnotherInProgress() {
		String ccg = jdbc.sql("select ccg_code from cs_call_off order by id limit 1").query(String.class).single();
		var its = ActingAs.system(() -> callOffs.forCcg(ccg));

		assertThat(its).extracting(CallOff::status).containsExactly(CallOffStatus.OPEN, CallOffStatus.AWARDED);
		CallOff awarded = its.get(1);
		assertThat(awarded.service().code()).isEqualTo("BUSINESS_INTELLIGENCE");
		assertThat(awarded.bids()).hasSize(3);
		assertThat(awarded.evaluators()).filteredOn(CallOff.EvaluatorView::conflicted)
			.singleElement()
			.satisfies(evaluator -> assertThat(evaluator.exclusion()).startsWith("the register of interests records"));
		assertThat(awarded.standstillEnds()).isBefore(java.time.LocalDate.now());
		assertThat(awarded.awardedTo().name()).isEqualTo("Insight Analytics Partners Ltd");
		assertThat(awarded.evaluation().get(0).weightedTotal()).hasToString("80.0");
		assertThat(ActingAs.system(support::allArrangements))
			.filteredOn(a -> a.ccgCode().equals(ccg) && a.service().code().equals("BUSINESS_INTELLIGENCE"))
			.extracting(a -> a.provider().name())
			.containsExactly("Insight Analytics Partners Ltd");
	}

	@Test
	void theLastTwoCompleteYearsAreReviewedWithFiguresAProviderUnderTheThresholdAndServiceLevels() {
		FinancialYear last = reviews.currentYear().previous();
		for (FinancialYear year : java.util.List.of(last.previous(), last)) {
			var comparison = ActingAs.system(() -> reviews.comparison(year));

			assertThat(comparison).filteredOn(row -> !row.withheld())
				.isNotEmpty()
				.allSatisfy(row -> {
					assertThat(row.respondingCcgs()).isGreaterThanOrEqualTo(5);
					assertThat(row.meanScore().value()).isBetween(java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(5));
					assertThat(row.satisfied()).isNotNull();
					assertThat(row.themeMeans()).hasSize(4).doesNotContainNull();
				});
			assertThat(comparison).filteredOn(row -> !row.withheld())
				.extracting(row -> row.meanScore().value())
				.doesNotHaveDuplicates();
			assertThat(comparison).filteredOn(ProviderComparison::withheld)
				.filteredOn(row -> row.respondingCcgs() > 0)
				.isNotEmpty()
				.allSatisfy(row -> {
					assertThat(row.respondingCcgs()).isLessThan(5);
					assertThat(row.meanScore()).isNull();
				});
			assertThat(comparison).filteredOn(row -> row.levelsReported() > 0)
				.isNotEmpty()
				.allSatisfy(row -> assertThat(row.levelsMet()).isLessThanOrEqualTo(row.levelsReported()));
		}
		double responseRate = jdbc.sql("""
				select count(r.ccg_code)::float8 / count(*) from cs_arrangement a
				cross join (values (?), (?)) as y(year_start)
				left join cs_review_response r on r.ccg_code = a.ccg_code and r.service_code = a.service_code
				  and r.year_start = y.year_start
				where a.mode = 'BUY'""")
			.params(last.startYear() - 1, last.startYear())
			.query(Double.class)
			.single();
		assertThat(responseRate).isBetween(0.6, 0.95);
		assertThat(jdbc.sql("select count(*) from cs_review_answer").query(Integer.class).single())
			.isEqualTo(6 * jdbc.sql("select count(*) from cs_review_response").query(Integer.class).single());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DEMO_REVIEWS_LOADED'")
			.query(Integer.class)
			.single()).as("one audit entry records the load").isEqualTo(1);
		assertThat(ActingAs.system(() -> reviews.loadSyntheticDemoReviews(java.util.List.of(last))).responses())
			.as("loaded once").isZero();		assertThat(reviews.latestReviewedYear()).as("the comparison opens on the last year reviewed, not an empty one")
			.isEqualTo(last);
	}
}
