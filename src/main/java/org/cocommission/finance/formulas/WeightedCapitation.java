package org.cocommission.finance.formulas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.cocommission.directory.PopulationQueries.BandCounts;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.CcgFactor;
import org.cocommission.finance.CostCurve;
import org.cocommission.finance.PaceOfChange;
import org.cocommission.finance.allocations.LargestRemainder;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

/**
 * Weighted capitation (docs/domain-rules.md#finance, NHS England CCG allocations): weighted population = registered
 * population x need index (age/sex cost curve x additional need x market forces factor), scaled so England's weighted
 * population equals its registered population; target share = (1 - s) x share of weighted population + s x share of
 * weighted population x inequality index, s being the inequalities adjustment share; target = envelope x target share.
 */
public final class WeightedCapitation {

	public static final MathContext PRECISION = MathContext.DECIMAL128;

	/** One CCG's input: its registered list by band and sex, its indices and last year's allocation. */
	public record Input(String ccgCode, String ccgName, BandCounts counts, CcgFactor factor, Money baseline) {
	}

	/** One CCG's result; derived figures (distance, growth, per head) are computed from these. */
	public record Output(String ccgCode, String ccgName, long rawPopulation, BigDecimal weightedPopulation,
			BigDecimal targetShare, Money target, Money baseline, Money allocation) {
	}

	private WeightedCapitation() {
	}

	public static List<Output> allocate(List<Input> inputs, CostCurve curve, BigDecimal inequalitiesShare, Money envelope,
			PaceOfChange pace) {
		if (envelope.signum() <= 0) {
			throw new InvalidInputException("envelope", "The envelope must be a positive amount, not " + envelope.formatted());
		}
		if (inputs.isEmpty()) {
			throw new InvalidInputException("year", "There are no CCGs with registered patients to allocate to");
		}
		if (inequalitiesShare.signum() < 0 || inequalitiesShare.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("The inequalities adjustment share must be between 0% and 100%");
		}
		int n = inputs.size();
		Weighting weighting = weigh(inputs, curve, inequalitiesShare);
		BigDecimal[] weighted = weighting.weighted();
		BigDecimal[] share = weighting.shares();
		BigDecimal[] exactTarget = new BigDecimal[n];
		String[] keys = new String[n];
		long envelopePence = envelope.pence();
		for (int i = 0; i < n; i++) {
			exactTarget[i] = share[i].multiply(BigDecimal.valueOf(envelopePence), PRECISION);
			keys[i] = inputs.get(i).ccgCode();
		}
		long[] none = new long[n];
		long[] unbounded = new long[n];
		java.util.Arrays.fill(unbounded, Long.MAX_VALUE);
		long[] target = LargestRemainder.apportion(envelopePence, exactTarget, none, unbounded, keys);
		long[] allocation = paceOfChange(inputs, target, envelopePence, pace, keys);
		List<Output> outputs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Input input = inputs.get(i);
			outputs.add(new Output(input.ccgCode(), input.ccgName(), input.counts().total(),
					weighted[i].setScale(4, RoundingMode.HALF_UP), share[i].setScale(12, RoundingMode.HALF_UP),
					Money.ofPence(target[i]), input.baseline(), Money.ofPence(allocation[i])));
		}
		return outputs;
	}

	public record Weighting(BigDecimal[] weighted, BigDecimal[] shares) {
	}

	/** Weighted populations (scaled to England's registered population) and target shares. */
	public static Weighting weigh(List<Input> inputs, CostCurve curve, BigDecimal inequalitiesShare) {
		if (inputs.isEmpty()) {
			throw new IllegalArgumentException("There are no CCGs with registered patients to allocate to");
		}
		int n = inputs.size();
		long raw = 0;
		BigDecimal[] weighted = new BigDecimal[n];
		BigDecimal totalWeighted = BigDecimal.ZERO;
		for (int i = 0; i < n; i++) {
			Input input = inputs.get(i);
			raw += input.counts().total();
			weighted[i] = costWeighted(input.counts(), curve).multiply(input.factor().additionalNeed())
				.multiply(input.factor().marketForcesFactor());
			totalWeighted = totalWeighted.add(weighted[i]);
		}
		if (totalWeighted.signum() <= 0) {
			throw new IllegalArgumentException("The weighted population is zero: the lists or the cost curve are empty");
		}
		BigDecimal scale = BigDecimal.valueOf(raw).divide(totalWeighted, PRECISION);
		BigDecimal totalInequality = BigDecimal.ZERO;
		for (int i = 0; i < n; i++) {
			weighted[i] = weighted[i].multiply(scale, PRECISION);
			totalInequality = totalInequality.add(weighted[i].multiply(inputs.get(i).factor().inequalityIndex()));
		}
		BigDecimal normalisedTotal = BigDecimal.valueOf(raw);
		BigDecimal[] share = new BigDecimal[n];
		for (int i = 0; i < n; i++) {
			BigDecimal weightedShare = weighted[i].divide(normalisedTotal, PRECISION);
			BigDecimal inequalityShare = weighted[i].multiply(inputs.get(i).factor().inequalityIndex())
				.divide(totalInequality, PRECISION);
			share[i] = BigDecimal.ONE.subtract(inequalitiesShare).multiply(weightedShare)
				.add(inequalitiesShare.multiply(inequalityShare), PRECISION);
		}
		return new Weighting(weighted, share);
	}

	private static BigDecimal costWeighted(BandCounts counts, CostCurve curve) {
		BigDecimal sum = BigDecimal.ZERO;
		for (String band : PopulationQueries.AGE_BANDS) {
			sum = sum.add(BigDecimal.valueOf(counts.male().getOrDefault(band, 0L)).multiply(curve.weight("MALE", band)));
			sum = sum.add(BigDecimal.valueOf(counts.female().getOrDefault(band, 0L)).multiply(curve.weight("FEMALE", band)));
		}
		return sum;
	}

	/** The pace-of-change policy, in whole pence reconciling to the envelope. */
	static long[] paceOfChange(List<Input> inputs, long[] targetPence, long envelopePence, PaceOfChange pace,
			String[] keys) {
		int n = inputs.size();
		BigDecimal[] baseline = new BigDecimal[n];
		BigDecimal[] provisional = new BigDecimal[n];
		long[] lower = new long[n];
		long[] upper = new long[n];
		boolean[] under = new boolean[n];
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Money base = inputs.get(i).baseline();
			if (base == null || base.signum() <= 0) {
				missing.add(inputs.get(i).ccgCode());
				continue;
			}
			baseline[i] = BigDecimal.valueOf(base.pence());
			BigDecimal target = BigDecimal.valueOf(targetPence[i]);
			under[i] = baseline[i].compareTo(target) < 0;
			BigDecimal floorGrowth = under[i] ? pace.minimumGrowth() : pace.overTargetGrowth();
			BigDecimal minimum = baseline[i].multiply(BigDecimal.ONE.add(floorGrowth));
			BigDecimal maximum = baseline[i].multiply(BigDecimal.ONE.add(pace.maximumGrowth()));
			lower[i] = minimum.setScale(0, RoundingMode.CEILING).longValueExact();
			upper[i] = Math.max(lower[i], maximum.setScale(0, RoundingMode.FLOOR).longValueExact());
			BigDecimal closed = under[i]
					? minimum.add(pace.gapClosure().multiply(target.subtract(minimum).max(BigDecimal.ZERO)))
					: minimum;
			provisional[i] = clamp(closed, lower[i], upper[i]);
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException("year", "There is no baseline (last year's allocation) for CCG "
					+ String.join(", ", missing.subList(0, Math.min(10, missing.size())))
					+ (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : ""));
		}
		long sumLower = java.util.Arrays.stream(lower).sum();
		long sumUpper = java.util.Arrays.stream(upper).sum();
		if (envelopePence < sumLower) {
			throw new InvalidInputException("envelope", "The envelope of " + org.cocommission.platform.Money.ofPence(envelopePence)
				.formatted() + " is less than the " + org.cocommission.platform.Money.ofPence(sumLower).formatted()
					+ " needed to give every CCG its minimum growth (and over-target CCGs their floor)");
		}
		if (envelopePence > sumUpper) {
			throw new InvalidInputException("envelope", "The envelope of " + org.cocommission.platform.Money.ofPence(envelopePence)
				.formatted() + " is more than the " + org.cocommission.platform.Money.ofPence(sumUpper).formatted()
					+ " that every CCG at maximum growth would get: raise the maximum growth");
		}
		BigDecimal[] exact = provisional.clone();
		BigDecimal residual = BigDecimal.valueOf(envelopePence).subtract(sum(exact));
		// Under-target CCGs take the residual first; over-target CCGs only once under-target ones are at a bound.
		exact = shareResidual(exact, baseline, lower, upper, under, true, residual);
		residual = BigDecimal.valueOf(envelopePence).subtract(sum(exact));
		exact = shareResidual(exact, baseline, lower, upper, under, false, residual);
		return LargestRemainder.apportion(envelopePence, exact, lower, upper, keys);
	}

	/** Adds a common growth rate x to the chosen group, within bounds, so the group absorbs the residual (bisection). */
	private static BigDecimal[] shareResidual(BigDecimal[] amounts, BigDecimal[] baseline, long[] lower, long[] upper,
			boolean[] under, boolean underTarget, BigDecimal residual) {
		if (residual.signum() == 0) {
			return amounts;
		}
		BigDecimal groupNow = BigDecimal.ZERO;
		for (int i = 0; i < amounts.length; i++) {
			if (under[i] == underTarget) {
				groupNow = groupNow.add(amounts[i]);
			}
		}
		BigDecimal wanted = groupNow.add(residual);
		BigDecimal lo = BigDecimal.valueOf(-100);
		BigDecimal hi = BigDecimal.valueOf(100);
		BigDecimal[] best = amounts;
		for (int iteration = 0; iteration < 160; iteration++) {
			BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), PRECISION);
			BigDecimal[] trial = amounts.clone();
			BigDecimal group = BigDecimal.ZERO;
			for (int i = 0; i < amounts.length; i++) {
				if (under[i] == underTarget) {
					trial[i] = clamp(amounts[i].add(mid.multiply(baseline[i], PRECISION)), lower[i], upper[i]);
					group = group.add(trial[i]);
				}
			}
			best = trial;
			int compare = group.compareTo(wanted);
			if (compare == 0) {
				break;
			}
			if (compare < 0) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return best;
	}

	private static BigDecimal clamp(BigDecimal value, long lower, long upper) {
		BigDecimal low = BigDecimal.valueOf(lower);
		BigDecimal high = BigDecimal.valueOf(upper);
		return value.max(low).min(high);
	}

	private static BigDecimal sum(BigDecimal[] values) {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			total = total.add(value);
		}
		return total;
	}
}
