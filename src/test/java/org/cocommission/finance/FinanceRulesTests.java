package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.PopulationQueries.BandCounts;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.finance.allocations.DistanceFromTarget;
import org.cocommission.finance.budgets.PeerCcgs;
import org.cocommission.finance.formulas.WeightedCapitation;
import org.cocommission.finance.globalsum.GlobalSum;
import org.cocommission.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinanceRulesTests {

	@Test
	void distanceFromTargetReproducesEasternCheshire201314() {
		assertThat(DistanceFromTarget.percent(Money.ofPounds(219_307_000), Money.ofPounds(237_285_000)))
			.isEqualByComparingTo("-7.58");
	}

	@Test
	void distanceFromTargetReproducesHartlepoolAndStockton201314() {
		assertThat(DistanceFromTarget.percent(Money.ofPounds(362_855_000), Money.ofPounds(354_702_000)))
			.isEqualByComparingTo("2.30");
		assertThat(DistanceFromTarget.amount(Money.ofPounds(362_855_000), Money.ofPounds(354_702_000)))
			.isEqualTo(Money.ofPounds(8_153_000));
	}

	@Test
	void weightedPopulationIsRegisteredPopulationTimesNeedIndexScaledToEngland() {
		// Two CCGs of 1,000 people; one is all over-85s with twice the cost; England's weighted total stays 2,000.
		CostCurve curve = curve(band -> band.equals("85_89") ? "2" : "1");
		var result = WeightedCapitation.allocate(List.of(input("A", counts("0_4", 1000), "1", "1"),
				input("B", counts("85_89", 1000), "1", "1")), curve, BigDecimal.ZERO, Money.ofPounds(3_000_000),
				new PaceOfChange(new BigDecimal("-0.5"), new BigDecimal("2"), BigDecimal.ONE, new BigDecimal("-0.5")));
		assertThat(result.get(0).weightedPopulation()).isEqualByComparingTo("666.6667");
		assertThat(result.get(1).weightedPopulation()).isEqualByComparingTo("1333.3333");
		assertThat(result.get(0).target()).isEqualTo(Money.ofPounds(1_000_000));
		assertThat(result.get(1).target()).isEqualTo(Money.ofPounds(2_000_000));
	}

	@Test
	void additionalNeedAndMarketForcesFactorMultiplyTheWeightedPopulation() {
		var result = WeightedCapitation.allocate(List.of(input("A", counts("30_34", 1000), "1.5", "1.2"),
				input("B", counts("30_34", 1000), "1", "1")), curve(band -> "1"), BigDecimal.ZERO,
				Money.ofPounds(2_800_000), wide());
		// 1.8 : 1 of 2,000 people.
		assertThat(result.get(0).targetShare()).isEqualByComparingTo("0.642857142857");
		assertThat(result.get(0).target().plus(result.get(1).target())).isEqualTo(Money.ofPounds(2_800_000));
	}

	@Test
	void inequalitiesAdjustmentSharesThatPartOfTheEnvelopeByInequalityIndex() {
		CcgFactor worse = new CcgFactor("A", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("3"));
		var inputs = List.of(new WeightedCapitation.Input("A", "A", counts("30_34", 1000), worse, Money.ofPounds(1000)),
				input("B", counts("30_34", 1000), "1", "1"));
		var result = WeightedCapitation.allocate(inputs, curve(band -> "1"), new BigDecimal("0.10"),
				Money.ofPounds(1_000_000), wide());
		// 90% split evenly, 10% split 3:1.
		assertThat(result.get(0).target()).isEqualTo(Money.ofPounds(525_000));
		assertThat(result.get(1).target()).isEqualTo(Money.ofPounds(475_000));
	}

	@Test
	void underTargetCcgClosesTheSpecifiedShareOfItsGap() {
		PaceOfChange pace = new PaceOfChange(BigDecimal.ZERO, new BigDecimal("0.2"), new BigDecimal("0.5"),
				BigDecimal.ZERO);
		var result = WeightedCapitation.allocate(List.of(inputWithBaseline("A", 90_000), inputWithBaseline("B", 105_000)),
				curve(band -> "1"), BigDecimal.ZERO, Money.ofPounds(200_000), pace);
		// Targets are 100,000 each: A closes half its 10,000 gap, B (over target) gets the 0% floor.
		assertThat(result.get(0).allocation()).isEqualTo(Money.ofPounds(95_000));
		assertThat(result.get(1).allocation()).isEqualTo(Money.ofPounds(105_000));
	}

	@Test
	void overTargetCcgGetsTheFloorAndUnderTargetCcgsAbsorbTheRest() {
		PaceOfChange pace = new PaceOfChange(new BigDecimal("0.01"), new BigDecimal("0.3"), new BigDecimal("0.5"),
				new BigDecimal("0.02"));
		var result = WeightedCapitation.allocate(
				List.of(inputWithBaseline("A", 90_000), inputWithBaseline("B", 95_000), inputWithBaseline("C", 110_000)),
				curve(band -> "1"), BigDecimal.ZERO, Money.ofPounds(300_000), pace);
		assertThat(result.get(2).allocation()).isEqualTo(Money.ofPounds(112_200));
		assertThat(result.stream().map(WeightedCapitation.Output::allocation).reduce(Money.ZERO, Money::plus))
			.isEqualTo(Money.ofPounds(300_000));
	}

	@Test
	void allocationsReconcileToTheEnvelopeToThePennyAndRespectMinimumGrowthForRandomParameters() {
		Random random = new Random(20_1415);
		int feasible = 0;
		for (int trial = 0; trial < 200; trial++) {
			int ccgs = 1 + random.nextInt(40);
			List<WeightedCapitation.Input> inputs = new ArrayList<>();
			long baselineTotal = 0;
			for (int i = 0; i < ccgs; i++) {
				Map<String, Long> male = new HashMap<>();
				Map<String, Long> female = new HashMap<>();
				for (String band : PopulationQueries.AGE_BANDS) {
					male.put(band, (long) random.nextInt(20_000));
					female.put(band, (long) random.nextInt(20_000));
				}
				long baselinePence = 1_000_000L + (long) (random.nextDouble() * 50_000_000_000L);
				baselineTotal += baselinePence;
				CcgFactor factor = new CcgFactor("C" + i, decimal(random, 0.8, 1.3), decimal(random, 0.9, 1.2),
						decimal(random, 0.7, 1.5));
				inputs.add(new WeightedCapitation.Input("C" + i, "CCG " + i, new BandCounts(male, female), factor,
						Money.ofPence(baselinePence)));
			}
			BigDecimal minimum = decimal(random, -0.02, 0.03);
			BigDecimal maximum = minimum.add(decimal(random, 0.0, 0.1));
			BigDecimal floor = minimum.add(maximum.subtract(minimum).multiply(decimal(random, 0, 1)));
			PaceOfChange pace = new PaceOfChange(minimum, maximum, decimal(random, 0, 1), floor);
			double growth = minimum.doubleValue() + random.nextDouble() * (maximum.doubleValue() - minimum.doubleValue());
			long envelopePence = (long) (baselineTotal * (1 + growth)) + random.nextInt(100);
			CostCurve curve = curve(band -> decimal(random, 0.3, 6).toPlainString());
			List<WeightedCapitation.Output> result;
			try {
				result = WeightedCapitation.allocate(inputs, curve, decimal(random, 0, 0.2), Money.ofPence(envelopePence),
						pace);
			}
			catch (IllegalArgumentException infeasible) {
				assertThat(infeasible.getMessage()).contains("envelope");
				continue;
			}
			feasible++;
			assertThat(result.stream().mapToLong(r -> r.allocation().pence()).sum()).isEqualTo(envelopePence);
			assertThat(result.stream().mapToLong(r -> r.target().pence()).sum()).isEqualTo(envelopePence);
			for (var row : result) {
				BigDecimal growthOf = row.allocation().pounds().divide(row.baseline().pounds(), 12,
						java.math.RoundingMode.HALF_UP).subtract(BigDecimal.ONE);
				assertThat(growthOf).isGreaterThanOrEqualTo(minimum.subtract(new BigDecimal("0.0000001")));
				assertThat(growthOf).isLessThanOrEqualTo(maximum.add(new BigDecimal("0.0000001")));
				if (row.baseline().compareTo(row.target()) >= 0) {
					assertThat(growthOf).isGreaterThanOrEqualTo(floor.subtract(new BigDecimal("0.0000001")));
				}
			}
		}
		assertThat(feasible).as("trials with a feasible envelope").isGreaterThan(100);
	}

	@Test
	void rerunningTheSameCalculationGivesTheSameAllocations() {
		List<WeightedCapitation.Input> inputs = List.of(inputWithBaseline("A", 91_234), inputWithBaseline("B", 103_000),
				inputWithBaseline("C", 99_999));
		PaceOfChange pace = new PaceOfChange(new BigDecimal("0.01"), new BigDecimal("0.1"), new BigDecimal("0.33"),
				new BigDecimal("0.015"));
		var first = WeightedCapitation.allocate(inputs, curve(band -> "1"), new BigDecimal("0.1"),
				Money.ofPounds("302000.01"), pace);
		var second = WeightedCapitation.allocate(inputs, curve(band -> "1"), new BigDecimal("0.1"),
				Money.ofPounds("302000.01"), pace);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void refusesACostCurveMissingABand() {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		PopulationQueries.AGE_BANDS.forEach(band -> weights.put(band, BigDecimal.ONE));
		Map<String, BigDecimal> missing = new LinkedHashMap<>(weights);
		missing.remove("45_49");
		assertThatThrownBy(() -> new CostCurve(weights, missing)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("female 45_49");
	}

	@Test
	void refusesANegativeEnvelope() {
		assertThatThrownBy(() -> WeightedCapitation.allocate(List.of(inputWithBaseline("A", 1000)), curve(band -> "1"),
				BigDecimal.ZERO, Money.ofPounds(-5), wide()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("envelope must be a positive amount");
	}

	@Test
	void refusesAnEnvelopeTooSmallForMinimumGrowth() {
		PaceOfChange pace = new PaceOfChange(new BigDecimal("0.02"), new BigDecimal("0.05"), BigDecimal.ONE,
				new BigDecimal("0.02"));
		assertThatThrownBy(() -> WeightedCapitation.allocate(List.of(inputWithBaseline("A", 1000)), curve(band -> "1"),
				BigDecimal.ZERO, Money.ofPounds(1010), pace))
			.hasMessageContaining("minimum growth");
	}

	@Test
	void peerCcgsAreTheTenNearestOnScaledNeedPerHeadAndShareAgedSixtyFivePlus() {
		List<CcgResult> all = new ArrayList<>();
		// Need per head 0.80 .. 1.20 in steps of 0.02 and 10% to 30% aged 65+, on a 1,000-patient CCG each.
		for (int i = 0; i <= 20; i++) {
			all.add(ccg("P" + (char) ('A' + i), 1000, new BigDecimal(800 + 20 * i), 100 + 10 * i));
		}
		CcgResult own = all.get(10);
		List<CcgResult> peers = PeerCcgs.of(own, all);
		assertThat(peers).hasSize(10).doesNotContain(own);
		assertThat(peers).extracting(CcgResult::ccgCode)
			.containsExactlyInAnyOrder("PJ", "PL", "PI", "PM", "PH", "PN", "PG", "PO", "PF", "PP");
		assertThat(peers.subList(0, 2)).extracting(CcgResult::ccgCode).containsExactlyInAnyOrder("PJ", "PL");
		// A CCG with the same need but a much older population is further away than one a step along both measures.
		all.add(ccg("ZZ", 1000, new BigDecimal(1000), 300));
		assertThat(PeerCcgs.of(own, all)).extracting(CcgResult::ccgCode).doesNotContain("ZZ");
		assertThat(PeerCcgs.DEFINITION).contains("10 CCGs").contains("need per head").contains("aged 65 and over");
	}

	private static CcgResult ccg(String code, long people, BigDecimal weighted, long aged65Plus) {
		return new CcgResult(code, "CCG " + code, people, weighted, BigDecimal.ONE, Money.ofPounds(1000),
				Money.ofPounds(1000), Money.ofPounds(1000), aged65Plus);
	}

	@Test
	void globalSumWeightsListsByWorkloadAndNeedScaledToEnglandAndPaysAQuarterOfTheYearEachQuarter() {
		Map<String, BigDecimal> coefficients = new HashMap<>();
		for (String band : PopulationQueries.AGE_BANDS) {
			coefficients.put(GlobalSum.Coefficients.workload("MALE", band), BigDecimal.ONE);
			coefficients.put(GlobalSum.Coefficients.workload("FEMALE", band), BigDecimal.ONE);
		}
		coefficients.put(GlobalSum.Coefficients.workload("MALE", "85_89"), new BigDecimal("3"));
		coefficients.put(GlobalSum.Coefficients.PRICE, new BigDecimal("80"));
		var young = new PopulationQueries.PracticePopulation("GA", "Young", "C1", counts("0_4", 1000));
		var old = new PopulationQueries.PracticePopulation("GB", "Old", "C1", counts("85_89", 1000));
		// Young has twice the additional needs: unscaled 2,000 and 3,000; England's 2,000 patients scale by 0.4.
		var needier = new GlobalSum.PracticeFactors(new BigDecimal("2"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 0);
		var payments = GlobalSum.payments(List.of(young, old), List.of(young, old),
				GlobalSum.Coefficients.withDefaults(coefficients), Map.of("GA", needier));
		assertThat(payments.get(0).weightedList()).isEqualByComparingTo("800");
		assertThat(payments.get(1).weightedList()).isEqualByComparingTo("1200");
		assertThat(payments.get(0).annual()).isEqualTo(Money.ofPounds(64_000));
		assertThat(payments.get(0).quarterly()).isEqualTo(Money.ofPounds(16_000));
		assertThat(payments.get(1).quarterly()).isEqualTo(Money.ofPounds(24_000));
	}

	@Test
	void globalSumRefusesAnUnknownOrNegativeCoefficient() {
		assertThatThrownBy(() -> GlobalSum.Coefficients.withDefaults(Map.of("rurality_bonus", BigDecimal.ONE)))
			.hasMessageContaining("'rurality_bonus' is not a global sum coefficient");
		assertThatThrownBy(() -> GlobalSum.Coefficients.withDefaults(Map.of(GlobalSum.Coefficients.PRICE,
				new BigDecimal("-1"))))
			.hasMessageContaining("must be 0 or more");
	}

	static BigDecimal decimal(Random random, double from, double to) {
		return BigDecimal.valueOf(from + random.nextDouble() * (to - from)).setScale(6, java.math.RoundingMode.HALF_UP);
	}

	static CostCurve curve(java.util.function.Function<String, String> weight) {
		Map<String, BigDecimal> male = new LinkedHashMap<>();
		Map<String, BigDecimal> female = new LinkedHashMap<>();
		PopulationQueries.AGE_BANDS.forEach(band -> {
			male.put(band, new BigDecimal(weight.apply(band)));
			female.put(band, new BigDecimal(weight.apply(band)));
		});
		return new CostCurve(male, female);
	}

	private static PaceOfChange wide() {
		return new PaceOfChange(new BigDecimal("-0.9"), new BigDecimal("100"), BigDecimal.ONE, new BigDecimal("-0.9"));
	}

	private static BandCounts counts(String band, long patients) {
		Map<String, Long> male = new HashMap<>();
		male.put(band, patients);
		return new BandCounts(male, Map.of());
	}

	private static WeightedCapitation.Input input(String code, BandCounts counts, String need, String mff) {
		return new WeightedCapitation.Input(code, code, counts,
				new CcgFactor(code, new BigDecimal(need), new BigDecimal(mff), BigDecimal.ONE), Money.ofPounds(1_000_000));
	}

	private static WeightedCapitation.Input inputWithBaseline(String code, long baselinePounds) {
		return new WeightedCapitation.Input(code, code, counts("30_34", 1000), CcgFactor.average(code),
				Money.ofPounds(baselinePounds));
	}
}
