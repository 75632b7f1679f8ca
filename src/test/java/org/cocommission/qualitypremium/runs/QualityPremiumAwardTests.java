package org.cocommission.qualitypremium.runs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;
import org.cocommission.qualitypremium.data.CcgInputs;
import org.cocommission.qualitypremium.schemes.Gateway;
import org.cocommission.qualitypremium.schemes.Measure;
import org.cocommission.qualitypremium.schemes.MeasureRule;
import org.cocommission.qualitypremium.schemes.Percent;
import org.cocommission.qualitypremium.schemes.ReductionMode;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.cocommission.qualitypremium.schemes.Standard;
import org.cocommission.qualitypremium.schemes.ValueDomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityPremiumAwardTests {

	static final Set<String> LOCALS = Set.of("LOCAL1", "LOCAL2", "LOCAL3");

	static Scheme scheme2013(ReductionMode mode) {
		return new Scheme(new FinancialYear(2013), "QP 2013/14", new BigDecimal("5.00"), "list", mode,
				Scheme.Status.DRAFT, null, 0, List.of(
						measure("AEA", "25", MeasureRule.REDUCTION, "0", "2012/13"),
						measure("PYLL", "12.5", MeasureRule.REDUCTION, "3.2", "2012/13"),
						measure("FFT", "12.5", MeasureRule.CONDITION, null, null),
						new Measure("HCAI", "Infections", Measure.Kind.NATIONAL, new BigDecimal("12.5"),
								MeasureRule.COMPOSITE, null, null, List.of(measure("MRSA", "50", MeasureRule.THRESHOLD, "0", null),
										measure("CDIFF", "50", MeasureRule.THRESHOLD, "0", null))),
						local("LOCAL1"), local("LOCAL2"), local("LOCAL3")),
				List.of(standard("RTT18", "92"), standard("AE4H", "95"), standard("CANCER62", "85"),
						standard("AMBRED1", "75")),
				List.of(new Gateway("FINANCE", "Financial balance"), new Gateway("QUALITY", "No quality failure")));
	}

	static Measure measure(String code, String weight, MeasureRule rule, String target, String baseline) {
		return new Measure(code, code + " measure", Measure.Kind.NATIONAL, new BigDecimal(weight), rule,
				target == null ? null : new BigDecimal(target), baseline, List.of());
	}

	static Measure local(String code) {
		return new Measure(code, "Local", Measure.Kind.LOCAL, new BigDecimal("12.5"), MeasureRule.CONDITION, null, null,
				List.of());
	}

	static Standard standard(String code, String threshold) {
		return new Standard(code, code, new BigDecimal(threshold), new BigDecimal("25"));
	}

	/** A CCG that achieved everything, met every standard and passed both gateways. */
	static CcgInputs perfect() {
		return new CcgInputs("01A", Map.of(
				"AEA", Map.of("2012/13", CcgInputs.Value.of("1000"), "2013/14", CcgInputs.Value.of("990")),
				"PYLL", Map.of("2012/13", CcgInputs.Value.of("2000"), "2013/14", CcgInputs.Value.of("1900")),
				"FFT", Map.of("2013/14", CcgInputs.Value.of("1")),
				"MRSA", Map.of("2013/14", CcgInputs.Value.of("0")),
				"CDIFF", Map.of("2013/14", new CcgInputs.Value(new BigDecimal("30"), null, null, new BigDecimal("35"))),
				"LOCAL1", Map.of("2013/14", CcgInputs.Value.of("1")),
				"LOCAL2", Map.of("2013/14", CcgInputs.Value.of("1")),
				"LOCAL3", Map.of("2013/14", CcgInputs.Value.of("1"))),
				Map.of("RTT18", new BigDecimal("93"), "AE4H", new BigDecimal("96"), "CANCER62", new BigDecimal("88"),
						"AMBRED1", new BigDecimal("76")),
				Map.of("FINANCE", true, "QUALITY", true));
	}

	static CcgInputs with(CcgInputs base, Map<String, BigDecimal> standards, Map<String, Boolean> gateways) {
		var s = new java.util.HashMap<>(base.standards());
		s.putAll(standards);
		var g = new java.util.HashMap<>(base.gateways());
		g.putAll(gateways);
		return new CcgInputs(base.ccgCode(), base.measures(), s, g);
	}

	@Test
	void theReferenceWorkedExampleOf226000PeopleHasAMaximumOf1130000AndALocalShareOf423750() {
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		Money maximum = QualityPremiumAward.maximum(scheme.maxPerHead(), 226_000);

		assertThat(maximum).isEqualTo(Money.ofPounds(1_130_000));
		assertThat(scheme.localShare()).isEqualByComparingTo("37.5");
		assertThat(QualityPremiumAward.worth(maximum, scheme.localShare())).isEqualTo(Money.ofPounds(423_750));

		Award award = QualityPremiumAward.calculate(scheme, "01A", 226_000, perfect(), LOCALS);
		assertThat(award.finalAward()).isEqualTo(Money.ofPounds(1_130_000));
		assertThat(award.percentOfMaximum()).isEqualByComparingTo("100");
		Money local = award.measures().stream().filter(m -> m.code().startsWith("LOCAL")).map(Award.MeasureOutcome::earned)
			.reduce(Money.ZERO, Money::plus);
		assertThat(local).isEqualTo(Money.ofPounds(423_750));
	}

	@Test
	void eachMeasureIsWorthItsWeightsShareOfTheMaximum() {
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 226_000, perfect(), LOCALS);

		assertThat(award.measures()).extracting(Award.MeasureOutcome::worth).containsExactly(Money.ofPounds(282_500),
				Money.ofPounds(141_250), Money.ofPounds(141_250), Money.ofPounds(141_250), Money.ofPounds(141_250),
				Money.ofPounds(141_250), Money.ofPounds(141_250));
	}

	@Test
	void aFailedGatewayZeroesTheAward() {
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 226_000,
				with(perfect(), Map.of(), Map.of("FINANCE", false)), LOCALS);

		assertThat(award.gatewaysPassed()).isFalse();
		assertThat(award.earned()).isEqualTo(Money.ofPounds(1_130_000));
		assertThat(award.finalAward()).isEqualTo(Money.ZERO);
		assertThat(award.explanation()).anySatisfy(line -> assertThat(line.working()).contains("gateway was not passed"));
	}

	@Test
	void aGatewayWithNoDataIsNotPassed() {
		var inputs = new CcgInputs("01A", perfect().measures(), perfect().standards(), Map.of("FINANCE", true));
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 1000, inputs, LOCALS);

		assertThat(award.finalAward()).isEqualTo(Money.ZERO);
	}

	@Test
	void eachMissedStandardReducesTheEarnedAwardBy25PercentAdded() {
		var inputs = with(perfect(), Map.of("RTT18", new BigDecimal("91.9"), "AE4H", new BigDecimal("94")), Map.of());
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 226_000, inputs, LOCALS);

		assertThat(award.standardsMissed()).isEqualTo(2);
		assertThat(award.reduction()).isEqualTo(Money.ofPounds(565_000));
		assertThat(award.finalAward()).isEqualTo(Money.ofPounds(565_000));
		assertThat(award.percentOfMaximum()).isEqualByComparingTo("50");
	}

	@Test
	void aMissedStandardReducesTheAwardByTheShareTheSchemeConfiguresForIt() {
		Scheme base = scheme2013(ReductionMode.ADDITIVE);
		Scheme lighter = new Scheme(base.year(), base.name(), base.maxPerHead(), "", ReductionMode.ADDITIVE,
				Scheme.Status.DRAFT, null, 0, base.measures(), List.of(new Standard("AE4H", "A&E", new BigDecimal("95"),
						new BigDecimal("10"))), base.gateways());
		var inputs = with(perfect(), Map.of("AE4H", new BigDecimal("94.9")), Map.of());

		Award award = QualityPremiumAward.calculate(lighter, "01A", 226_000, inputs, LOCALS);

		assertThat(award.reduction()).isEqualTo(Money.ofPounds(113_000));
		assertThat(award.finalAward()).isEqualTo(Money.ofPounds(1_017_000));
		assertThat(award.explanation()).anySatisfy(line -> assertThat(line.working())
			.contains("94.9% against 95%: missed, reduces the award by 10%"));
	}

	@Test
	void compoundingTakesEachShareOfWhatIsLeft() {
		var inputs = with(perfect(), Map.of("RTT18", new BigDecimal("91.9"), "AE4H", new BigDecimal("94")), Map.of());
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.COMPOUND), "01A", 226_000, inputs, LOCALS);

		// 1,130,000 × (1 − 0.75 × 0.75) = 1,130,000 × 43.75%
		assertThat(award.reduction()).isEqualTo(Money.ofPounds("494375"));
		assertThat(award.finalAward()).isEqualTo(Money.ofPounds("635625"));
	}

	@Test
	void missingEveryStandardNeverTakesTheAwardBelowZero() {
		var inputs = with(perfect(), Map.of("RTT18", BigDecimal.ONE, "AE4H", BigDecimal.ONE, "CANCER62", BigDecimal.ONE,
				"AMBRED1", BigDecimal.ONE), Map.of());
		Scheme heavy = new Scheme(new FinancialYear(2013), "x", new BigDecimal("5"), "", ReductionMode.ADDITIVE,
				Scheme.Status.DRAFT, null, 0, scheme2013(ReductionMode.ADDITIVE).measures(), List.of(
						new Standard("RTT18", "r", new BigDecimal("92"), new BigDecimal("40")),
						new Standard("AE4H", "a", new BigDecimal("95"), new BigDecimal("40")),
						new Standard("CANCER62", "c", new BigDecimal("85"), new BigDecimal("40"))),
				scheme2013(ReductionMode.ADDITIVE).gateways());
		Award award = QualityPremiumAward.calculate(heavy, "01A", 226_000, inputs, LOCALS);

		assertThat(award.finalAward()).isEqualTo(Money.ZERO);
		assertThat(award.reduction()).isEqualTo(award.earned());
	}

	@Test
	void weightsNotAddingUpTo100PercentAreRefused() {
		assertThatThrownBy(() -> new Scheme(new FinancialYear(2013), "x", new BigDecimal("5"), "", ReductionMode.ADDITIVE,
				Scheme.Status.DRAFT, null, 0, List.of(measure("A", "60", MeasureRule.CONDITION, null, null),
						measure("B", "30", MeasureRule.CONDITION, null, null)), List.of(), List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("add up to 90%");
	}

	@Test
	void aReductionOfAtLeastTheTargetFromTheBaselineIsAchievedAndLessIsNot() {
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		Measure pyll = scheme.measure("PYLL").orElseThrow();
		var exactly = new CcgInputs("01A", Map.of("PYLL", Map.of("2012/13", CcgInputs.Value.of("1000"), "2013/14",
				CcgInputs.Value.of("968"))), Map.of(), Map.of());
		var notEnough = new CcgInputs("01A", Map.of("PYLL", Map.of("2012/13", CcgInputs.Value.of("1000"), "2013/14",
				CcgInputs.Value.of("969"))), Map.of(), Map.of());

		assertThat(QualityPremiumAward.judge(pyll, scheme, exactly).fraction()).isEqualByComparingTo("1");
		assertThat(QualityPremiumAward.judge(pyll, scheme, exactly).reason()).contains("a reduction of 3.20%");
		assertThat(QualityPremiumAward.judge(pyll, scheme, notEnough).fraction()).isEqualByComparingTo("0");
	}

	@Test
	void aThresholdUsesTheCcgsOwnTargetWhenGivenAndTheConditionNeedsOne() {
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		var inputs = new CcgInputs("01A", Map.of("CDIFF", Map.of("2013/14", new CcgInputs.Value(new BigDecimal("36"),
				null, null, new BigDecimal("35"))), "FFT", Map.of("2013/14", CcgInputs.Value.of("0"))), Map.of(), Map.of());
		Measure cdiff = scheme.measure("HCAI").orElseThrow().parts().get(1);

		assertThat(QualityPremiumAward.judge(cdiff, scheme, inputs).fraction()).isEqualByComparingTo("0");
		assertThat(QualityPremiumAward.judge(scheme.measure("FFT").orElseThrow(), scheme, inputs).fraction())
			.isEqualByComparingTo("0");
	}

	@Test
	void aCompositeEarnsEachPartsShareLikeThe2016AntibioticsMeasureSplit5050() {
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		var inputs = new CcgInputs("01A", Map.of("MRSA", Map.of("2013/14", CcgInputs.Value.of("0")), "CDIFF",
				Map.of("2013/14", new CcgInputs.Value(new BigDecimal("40"), null, null, new BigDecimal("35")))),
				perfect().standards(), perfect().gateways());
		Award award = QualityPremiumAward.calculate(scheme, "01A", 226_000, inputs, Set.of());

		Award.MeasureOutcome hcai = award.measures().stream().filter(m -> m.code().equals("HCAI")).findFirst().orElseThrow();
		assertThat(hcai.achievedFraction()).isEqualByComparingTo("0.5");
		assertThat(hcai.earned()).isEqualTo(Money.ofPounds("70625"));
		assertThatThrownBy(() -> new Measure("ABX", "Antibiotics", Measure.Kind.NATIONAL, BigDecimal.TEN,
				MeasureRule.COMPOSITE, null, null, List.of(measure("ITEMS", "50", MeasureRule.CONDITION, null, null),
						measure("BROAD", "40", MeasureRule.CONDITION, null, null))))
			.hasMessageContaining("add up to 90%");
	}

	@Test
	void aLocalMeasureNotAgreedEarnsNothing() {
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 226_000, perfect(),
				Set.of("LOCAL1"));

		assertThat(award.finalAward()).isEqualTo(Money.ofPounds(1_130_000 - 2 * 141_250));
	}

	@Test
	void theSameInputsAlwaysGiveTheSameAwardAndExplanation() {
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		var inputs = with(perfect(), Map.of("CANCER62", new BigDecimal("80")), Map.of());

		Award first = QualityPremiumAward.calculate(scheme, "01A", 123_457, inputs, LOCALS);
		Award second = QualityPremiumAward.calculate(scheme, "01A", 123_457, inputs, LOCALS);

		assertThat(second).isEqualTo(first);
		assertThat(first.explanation().get(0).working()).isEqualTo("123,457 people × £5.00 per head");
	}

	@Test
	void ccg01cWith276931PeopleIsPaidItsMaximumToThePennyNot3pMore() {
		// 2013/14, 01C: six 12.5% measures of £173,081.875 each; rounded one by one they paid £1,384,655.03.
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01C", 276_931, perfect(), LOCALS);

		assertThat(award.maximum()).isEqualTo(Money.ofPounds("1384655.00"));
		assertThat(award.finalAward()).isEqualTo(Money.ofPounds("1384655.00"));
		assertThat(award.measures()).extracting(Award.MeasureOutcome::worth).containsExactly(Money.ofPounds("346163.75"),
				Money.ofPounds("173081.88"), Money.ofPounds("173081.88"), Money.ofPounds("173081.88"),
				Money.ofPounds("173081.87"), Money.ofPounds("173081.87"), Money.ofPounds("173081.87"));
	}

	@Test
	void overRandomSchemesAndPopulationsTheWorthsAddUpToTheMaximumAndNoAwardExceedsIt() {
		java.util.Random random = new java.util.Random(20131401L);
		for (int trial = 0; trial < 2_000; trial++) {
			int count = 1 + random.nextInt(9);
			// Weights in tenths of a percent adding up to 100%.
			int[] tenths = new int[count];
			int left = 1000 - count;
			for (int i = 0; i < count; i++) {
				tenths[i] = 1;
			}
			while (left > 0) {
				int step = Math.min(left, 1 + random.nextInt(200));
				tenths[random.nextInt(count)] += step;
				left -= step;
			}
			List<Measure> measures = new java.util.ArrayList<>();
			var values = new java.util.HashMap<String, Map<String, CcgInputs.Value>>();
			for (int i = 0; i < count; i++) {
				measures.add(measure("M" + i, BigDecimal.valueOf(tenths[i], 1).toPlainString(), MeasureRule.CONDITION, null,
						null));
				values.put("M" + i, Map.of("2013/14", CcgInputs.Value.of(random.nextInt(4) == 0 ? "0" : "1")));
			}
			boolean everything = random.nextBoolean();
			if (everything) {
				measures.forEach(m -> values.put(m.code(), Map.of("2013/14", CcgInputs.Value.of("1"))));
			}
			Scheme scheme = new Scheme(new FinancialYear(2013), "random", BigDecimal.valueOf(100 + random.nextInt(900), 2),
					"list", ReductionMode.values()[random.nextInt(2)], Scheme.Status.DRAFT, null, 0, measures,
					List.of(standard("RTT18", "92")), List.of(new Gateway("FINANCE", "Financial balance")));
			long population = 1 + random.nextInt(2_000_000);
			CcgInputs inputs = new CcgInputs("01C", values,
					Map.of("RTT18", BigDecimal.valueOf(85 + random.nextInt(15))), Map.of("FINANCE", true));

			Award award = QualityPremiumAward.calculate(scheme, "01C", population, inputs, Set.of());

			String trialName = "trial " + trial + ": " + population + " people, " + scheme.maxPerHead() + " per head, "
					+ java.util.Arrays.toString(tenths);
			assertThat(award.measures().stream().map(Award.MeasureOutcome::worth).reduce(Money.ZERO, Money::plus))
				.as(trialName)
				.isEqualTo(award.maximum());
			assertThat(award.earned()).as(trialName).isLessThanOrEqualTo(award.maximum());
			assertThat(award.finalAward()).as(trialName).isLessThanOrEqualTo(award.maximum());
			assertThat(award.finalAward().isNegative()).as(trialName).isFalse();
			if (everything && award.standardsMissed() == 0) {
				assertThat(award.finalAward()).as(trialName).isEqualTo(award.maximum());
			}
		}
	}

	@Test
	void withNoDataEveryMeasureStandardAndGatewayIsNotAssessedAlikeAndNothingIsPaid() {
		// 01C computed before any upload: measures said "not achieved", standards "Met", gateways "not passed".
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01C", 276_931,
				CcgInputs.empty("01C"), LOCALS);

		assertThat(award.complete()).isFalse();
		assertThat(award.notAssessed()).containsExactly("AEA", "PYLL", "FFT", "MRSA", "CDIFF", "LOCAL1", "LOCAL2",
				"LOCAL3", "FINANCE", "QUALITY", "RTT18", "AE4H", "CANCER62", "AMBRED1");
		assertThat(award.measures()).allSatisfy(m -> assertThat(m.reason()).contains("not assessed"));
		assertThat(award.standards()).allSatisfy(s -> {
			assertThat(s.met()).isFalse();
			assertThat(s.assessed()).isFalse();
			assertThat(s.outcome()).isEqualTo("Not assessed: no data");
		});
		assertThat(award.gateways()).allSatisfy(g -> assertThat(g.outcome()).startsWith("Not assessed"));
		assertThat(award.standardsMissed()).isZero();
		assertThat(award.finalAward()).isEqualTo(Money.ZERO);
		assertThat(award.explanation()).extracting(Award.Line::working)
			.noneMatch(w -> w.contains("treated as failed") || w.contains("not judged"));
	}

	@Test
	void everyInputLoadedLeavesNothingNotAssessed() {
		Award award = QualityPremiumAward.calculate(scheme2013(ReductionMode.ADDITIVE), "01A", 226_000, perfect(), LOCALS);

		assertThat(award.complete()).isTrue();
	}

	@Test
	void aRiseIsSaidAsAnIncreaseAndEveryValueIsPrintedForItsKind() {
		// From a real statement: "from 2173.40521114106 to 2198.845494158057 is a -1.17% reduction".
		Scheme scheme = scheme2013(ReductionMode.ADDITIVE);
		var inputs = new CcgInputs("01A", Map.of("AEA", Map.of("2012/13", CcgInputs.Value.of("2173.40521114106"),
				"2013/14", CcgInputs.Value.of("2198.845494158057"))), Map.of(), Map.of());

		String reason = QualityPremiumAward.judge(scheme.measure("AEA").orElseThrow(), scheme, inputs).reason();

		assertThat(reason).isEqualTo("from 2,173.4 to 2,198.8 is an increase of 1.17% against a reduction of at least 0%:"
				+ " not achieved");
		assertThat(ValueDomain.COUNT.format(new BigDecimal("12345"))).isEqualTo("12,345");
		assertThat(ValueDomain.PERCENTAGE.format(new BigDecimal("15"))).isEqualTo("15.0%");
		assertThat(ValueDomain.CONDITION.format(BigDecimal.ONE)).isEqualTo("met");
	}

	@Test
	void eachMeasureDeclaresTheKindOfItsValueAndAConditionIsOneOrZero() {
		assertThat(ValueDomain.COUNT.accepts(new BigDecimal("-5"))).isFalse();
		assertThat(ValueDomain.COUNT.accepts(new BigDecimal("2.5"))).isFalse();
		assertThat(ValueDomain.RATE.accepts(new BigDecimal("-0.1"))).isFalse();
		assertThat(ValueDomain.PERCENTAGE.accepts(new BigDecimal("100.1"))).isFalse();
		assertThat(ValueDomain.PERCENTAGE.accepts(new BigDecimal("100"))).isTrue();
		assertThat(ValueDomain.CONDITION.accepts(new BigDecimal("2"))).isFalse();
		assertThat(measure("FFT", "100", MeasureRule.CONDITION, null, null).domain()).isEqualTo(ValueDomain.CONDITION);
		assertThatThrownBy(() -> new Measure("IAPT", "Access", Measure.Kind.NATIONAL, Percent.HUNDRED, MeasureRule.MINIMUM,
				new BigDecimal("150"), null, List.of(), ValueDomain.PERCENTAGE))
			.hasMessageContaining("a percentage, from 0 to 100");
	}
}
