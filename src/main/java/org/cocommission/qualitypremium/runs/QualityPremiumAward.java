package org.cocommission.qualitypremium.runs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

/**
 * The quality premium award of one CCG under one scheme. Source: NHS England, Quality premium guidance 2013/14
 * (maximum £5 per head; measures share it by weight; gateways; Constitution standards reduce the earned award), as
 * summarised in docs/domain-rules.md#quality-premium. A pure function: the same inputs always give the same award.
 */
public final class QualityPremiumAward {

	private QualityPremiumAward() {
	}

	/** Maximum award = £ per head × registered population (226,000 × £5 = £1,130,000). */
	public static Money maximum(BigDecimal perHead, long population) {
		return new Money(perHead.multiply(BigDecimal.valueOf(population)));
	}

	/** A measure's worth = maximum × its weight (37.5% of £1,130,000 = £423,750), before sharing out the pennies. */
	static Money worth(Money maximum, BigDecimal weightPercent) {
		return maximum.times(Percent.fraction(weightPercent), RoundingMode.HALF_UP);
	}

	/**
	 * Each measure's worth to the penny, adding up to the maximum exactly (docs/domain-rules.md#quality-premium): each
	 * exact share is rounded down to the penny and the pennies left over go one each to the largest fractions of a
	 * penny, ties to the measure listed first (largest-remainder method, as finance allocates). Rounding each share
	 * on its own would pay 01C's six 12.5% measures of £173,081.875 each 3p more than its £1,384,655.00 maximum.
	 */
	static List<Money> worths(Money maximum, List<Measure> measures) {
		int n = measures.size();
		long[] pence = new long[n];
		BigDecimal[] remainder = new BigDecimal[n];
		long allocated = 0;
		BigDecimal total = BigDecimal.valueOf(maximum.pence());
		for (int i = 0; i < n; i++) {
			BigDecimal exact = total.multiply(measures.get(i).weightPercent()).movePointLeft(2);
			BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
			pence[i] = floor.longValueExact();
			remainder[i] = exact.subtract(floor);
			allocated += pence[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(java.util.Comparator.<Integer, BigDecimal>comparing(i -> remainder[i]).reversed()
			.thenComparing(i -> i));
		long left = maximum.pence() - allocated;
		for (int k = 0; k < left && n > 0; k++) {
			pence[order.get(k % n)]++;
		}
		List<Money> result = new ArrayList<>(n);
		for (long p : pence) {
			result.add(Money.ofPence(p));
		}
		return result;
	}

	/**
	 * The reduction for missed standards, as a % of the earned award: ADDITIVE adds each miss's share (capped at
	 * 100%); COMPOUND takes each share of what is left.
	 */
	static BigDecimal reductionPercent(ReductionMode mode, List<BigDecimal> missedShares) {
		if (mode == ReductionMode.ADDITIVE) {
			BigDecimal sum = missedShares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			return sum.min(Percent.HUNDRED);
		}
		BigDecimal kept = BigDecimal.ONE;
		for (BigDecimal share : missedShares) {
			kept = kept.multiply(BigDecimal.ONE.subtract(Percent.fraction(share)));
		}
		return BigDecimal.ONE.subtract(kept).multiply(Percent.HUNDRED).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	public static Award calculate(Scheme scheme, String ccgCode, long population, CcgInputs inputs,
			Set<String> agreedLocalMeasures) {
		return calculate(scheme, ccgCode, population, inputs, agreedLocalMeasures, WhatIf.NONE);
	}

	/** As {@link #calculate(Scheme, String, long, CcgInputs, Set)}, with outcomes forced by a what-if. */
	public static Award calculate(Scheme scheme, String ccgCode, long population, CcgInputs inputs,
			Set<String> agreedLocalMeasures, WhatIf whatIf) {
		List<Award.Line> lines = new ArrayList<>();
		Money maximum = maximum(scheme.maxPerHead(), population);
		lines.add(new Award.Line("Maximum award", "%,d people × £%s per head".formatted(population,
				scheme.maxPerHead().setScale(2, RoundingMode.HALF_UP).toPlainString()), maximum.formatted()));

		List<String> notAssessed = new ArrayList<>();
		List<Award.MeasureOutcome> measures = new ArrayList<>();
		Money earned = Money.ZERO;
		List<Money> worths = worths(maximum, scheme.measures());
		for (int i = 0; i < scheme.measures().size(); i++) {
			Measure measure = scheme.measures().get(i);
			Money worth = worths.get(i);
			Judgement judgement;
			if (measure.code().equals(whatIf.measureCode())) {
				judgement = new Judgement(whatIf.measureAchieved() ? BigDecimal.ONE : BigDecimal.ZERO,
						"what-if: treated as " + (whatIf.measureAchieved() ? "achieved" : "not achieved"));
			}
			else if (measure.kind() == Measure.Kind.LOCAL && !agreedLocalMeasures.contains(measure.code())) {
				judgement = new Judgement(BigDecimal.ZERO, "no local measure agreed with the area team for this slot");
			}
			else {
				judgement = judge(measure, scheme, inputs);
				notAssessed.addAll(judgement.notAssessed());
			}
			Money measureEarned = min(worth, worth.times(judgement.fraction(), RoundingMode.HALF_UP));
			earned = earned.plus(measureEarned);
			measures.add(new Award.MeasureOutcome(measure.code(), measure.name(), measure.weightPercent(), worth,
					judgement.fraction(), measureEarned, judgement.reason()));
			lines.add(new Award.Line(measure.code() + ": " + measure.name(), "%s × %s = %s; %s; earned %s × %s"
				.formatted(maximum.formatted(), Percent.format(measure.weightPercent()), worth.formatted(),
						judgement.reason(), worth.formatted(),
						Percent.format(judgement.fraction().multiply(Percent.HUNDRED))), measureEarned.formatted()));
		}
		lines.add(new Award.Line("Earned before standards", "sum of the measures earned", earned.formatted()));

		List<Award.GatewayOutcome> gateways = new ArrayList<>();
		boolean gatewaysPassed = true;
		for (Gateway gateway : scheme.gateways()) {
			Boolean passed = inputs.gateways().get(gateway.code());
			gateways.add(new Award.GatewayOutcome(gateway.code(), gateway.name(), passed));
			// A gateway is a condition of payment: without evidence it was passed, no award can be paid.
			if (!Boolean.TRUE.equals(passed)) {
				gatewaysPassed = false;
			}
			if (passed == null) {
				notAssessed.add(gateway.code());
			}
			lines.add(new Award.Line("Gateway " + gateway.code() + ": " + gateway.name(),
					passed == null ? NOT_ASSESSED + ": no data loaded, so no award can be paid" : passed ? "passed" : "failed",
					""));
		}

		List<Award.StandardOutcome> standards = new ArrayList<>();
		List<BigDecimal> missedShares = new ArrayList<>();
		for (Standard standard : scheme.standards()) {
			BigDecimal achieved = inputs.standards().get(standard.code());
			// No data means the standard is not assessed: neither met nor missed, so it cannot reduce the award.
			boolean met = achieved != null && achieved.compareTo(standard.thresholdPercent()) >= 0;
			boolean missed = achieved != null && !met;
			boolean forced = standard.code().equals(whatIf.standardCode());
			if (forced) {
				met = whatIf.standardMet();
				missed = !met;
			}
			else if (achieved == null) {
				notAssessed.add(standard.code());
			}
			standards.add(new Award.StandardOutcome(standard.code(), standard.name(), standard.thresholdPercent(),
					achieved, met,
					standard.reductionPercent()));
			if (missed) {
				missedShares.add(standard.reductionPercent());
			}
			lines.add(new Award.Line("Standard " + standard.code() + ": " + standard.name(), forced
					? "what-if: treated as " + (met ? "met" : "missed, reduces the award by "
							+ Percent.format(standard.reductionPercent()))
					: achieved == null
					? NOT_ASSESSED + ": no data loaded, no reduction"
					: "%s against %s: %s".formatted(ValueDomain.PERCENTAGE.format(achieved), Percent.format(standard.thresholdPercent()),
							met ? "met" : "missed, reduces the award by " + Percent.format(standard.reductionPercent())),
					""));
		}

		Money reduction;
		Money finalAward;
		if (!gatewaysPassed) {
			reduction = earned;
			finalAward = Money.ZERO;
			lines.add(new Award.Line("Gateways", "a gateway was not passed, so no award is paid", Money.ZERO.formatted()));
		}
		else {
			BigDecimal percent = reductionPercent(scheme.reductionMode(), missedShares);
			reduction = earned.times(Percent.fraction(percent), RoundingMode.HALF_UP);
			if (reduction.compareTo(earned) > 0) {
				reduction = earned;
			}
			finalAward = earned.minus(reduction);
			String how = missedShares.isEmpty() ? "no standard missed"
					: "%d missed (%s, %s): %s × %s".formatted(missedShares.size(),
							missedShares.stream().map(Percent::format).reduce((a, b) -> a + " + " + b).orElse(""),
							scheme.reductionMode() == ReductionMode.ADDITIVE ? "added" : "compounded", earned.formatted(),
							Percent.format(percent));
			lines.add(new Award.Line("Reduction for missed standards", how, "-" + reduction.formatted()));
			lines.add(new Award.Line("Final award", "%s - %s".formatted(earned.formatted(), reduction.formatted()),
					finalAward.formatted()));
		}
		// The cap is an invariant, not a hope: the worths add up to the maximum and each earns at most its worth.
		if (finalAward.compareTo(maximum) > 0 || finalAward.isNegative()) {
			throw new IllegalStateException("Award " + finalAward.formatted() + " outside £0 to its maximum "
					+ maximum.formatted() + " for " + ccgCode);
		}
		BigDecimal percentOfMaximum = maximum.signum() == 0 ? BigDecimal.ZERO
				: finalAward.pounds().multiply(Percent.HUNDRED).divide(maximum.pounds(), 2, RoundingMode.HALF_UP);
		lines.add(new Award.Line("Share of the maximum", "%s ÷ %s".formatted(finalAward.formatted(), maximum.formatted()),
				percentOfMaximum.toPlainString() + "%"));
		return new Award(ccgCode, population, maximum, earned, reduction, finalAward, percentOfMaximum, gatewaysPassed,
				missedShares.size(), measures, standards, gateways, lines, notAssessed);
	}

	/** A change in words, never a negative reduction: "a reduction of 3.20%", "an increase of 1.17%", "no change". */
	static String change(BigDecimal reductionPercent) {
		if (reductionPercent.signum() == 0) {
			return "no change";
		}
		String size = reductionPercent.abs().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
		return reductionPercent.signum() > 0 ? "a reduction of " + size : "an increase of " + size;
	}

	private static Money min(Money a, Money b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** How much of a measure was achieved and why; {@code notAssessed}: the measure codes that had no data. */
	record Judgement(BigDecimal fraction, String reason, List<String> notAssessed) {

		Judgement(BigDecimal fraction, String reason) {
			this(fraction, reason, List.of());
		}
	}

	static final String NOT_ASSESSED = "not assessed";

	static Judgement judge(Measure measure, Scheme scheme, CcgInputs inputs) {
		String period = scheme.year().toString();
		if (measure.rule() == MeasureRule.COMPOSITE) {
			BigDecimal fraction = BigDecimal.ZERO;
			List<String> reasons = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (Measure part : measure.parts()) {
				Judgement judgement = judge(part, scheme, inputs);
				missing.addAll(judgement.notAssessed());
				BigDecimal share = Percent.fraction(part.weightPercent()).multiply(judgement.fraction());
				fraction = fraction.add(share);
				reasons.add("%s (%s of the measure): %s".formatted(part.code(), Percent.format(part.weightPercent()),
						judgement.reason()));
			}
			return new Judgement(fraction.stripTrailingZeros(), String.join("; ", reasons), missing);
		}
		CcgInputs.Value value = inputs.measure(measure.code(), period);
		if (value == null) {
			return new Judgement(BigDecimal.ZERO, NOT_ASSESSED + ": no " + period + " value loaded, so nothing earned",
					List.of(measure.code()));
		}
		return switch (measure.rule()) {
			case REDUCTION -> {
				CcgInputs.Value baseline = inputs.measure(measure.code(), measure.baselinePeriod());
				if (baseline == null || baseline.value().signum() == 0) {
					yield new Judgement(BigDecimal.ZERO, NOT_ASSESSED + ": no " + measure.baselinePeriod()
							+ " baseline loaded, so nothing earned", List.of(measure.code()));
				}
				BigDecimal change = baseline.value().subtract(value.value()).multiply(Percent.HUNDRED)
					.divide(baseline.value(), 2, RoundingMode.HALF_UP);
				boolean met = change.compareTo(measure.target()) >= 0;
				ValueDomain domain = measure.domain();
				yield new Judgement(met ? BigDecimal.ONE : BigDecimal.ZERO,
						"from %s to %s is %s against a reduction of at least %s: %s".formatted(domain.format(baseline.value()),
								domain.format(value.value()), change(change), Percent.format(measure.target()),
								met ? "achieved" : "not achieved"));
			}
			case THRESHOLD -> {
				BigDecimal threshold = value.target() != null ? value.target() : measure.target();
				if (threshold == null) {
					yield new Judgement(BigDecimal.ZERO, NOT_ASSESSED + ": no threshold loaded for this CCG, so nothing earned",
							List.of(measure.code()));
				}
				boolean met = value.value().compareTo(threshold) <= 0;
				yield new Judgement(met ? BigDecimal.ONE : BigDecimal.ZERO, "%s against at most %s: %s".formatted(
						measure.domain().format(value.value()), measure.domain().format(threshold),
						met ? "achieved" : "not achieved"));
			}
			case MINIMUM -> {
				boolean met = value.value().compareTo(measure.target()) >= 0;
				yield new Judgement(met ? BigDecimal.ONE : BigDecimal.ZERO, "%s against at least %s: %s".formatted(
						measure.domain().format(value.value()), measure.domain().format(measure.target()),
						met ? "achieved" : "not achieved"));
			}
			case CONDITION -> {
				boolean met = value.value().compareTo(BigDecimal.ONE) == 0;
				yield new Judgement(met ? BigDecimal.ONE : BigDecimal.ZERO, met ? "condition met" : "condition not met");
			}
			case COMPOSITE -> throw new IllegalStateException("handled above");
		};
	}
}
