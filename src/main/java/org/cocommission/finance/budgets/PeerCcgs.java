package org.cocommission.finance.budgets;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.cocommission.finance.allocations.CcgResult;

/**
 * Finance's interim peer CCGs, used when the outcomes capability has computed no "most similar 10" peer group for the
 * CCG (docs/domain-rules.md#finance: statistical neighbours by Euclidean distance on variables scaled to [0, 1]; see
 * IndicativeBudgets.populationView). Here the variables are the two that the allocation itself holds for every CCG:
 * need per head and the share of patients aged 65 and over.
 */
public final class PeerCcgs {

	static final int COUNT = 10;

	/** Shown beside the population view, so users know what made the peers. */
	public static final String DEFINITION = "Peer CCGs are the " + COUNT + " CCGs nearest to this one on two equally weighted"
			+ " measures from the same allocation run: need per head (weighted population divided by registered"
			+ " population) and the share of registered patients aged 65 and over. Each measure is scaled from 0 to 1"
			+ " across all CCGs and the nearest are those at the shortest straight-line distance (ties by CCG code)."
			+ " This interim definition is used because the outcomes indicators have no peer group for this CCG yet.";

	private PeerCcgs() {
	}

	/** The nearest {@link #COUNT} other CCGs of {@code all} to {@code own}, nearest first. */
	public static List<CcgResult> of(CcgResult own, List<CcgResult> all) {
		Scale need = Scale.of(all, r -> r.needIndex().doubleValue());
		Scale older = Scale.of(all, r -> r.percentAged65Plus().doubleValue());
		ToDoubleFunction<CcgResult> distance = other -> Math.hypot(need.scaled(other) - need.scaled(own),
				older.scaled(other) - older.scaled(own));
		return all.stream()
			.filter(other -> !other.ccgCode().equals(own.ccgCode()))
			.sorted(Comparator.comparingDouble(distance).thenComparing(CcgResult::ccgCode))
			.limit(COUNT)
			.toList();
	}

	/** Min-max scaling of one measure to [0, 1]; a measure equal for every CCG counts as 0 for all. */
	private record Scale(ToDoubleFunction<CcgResult> measure, double min, double range) {

		static Scale of(List<CcgResult> all, ToDoubleFunction<CcgResult> measure) {
			double min = all.stream().mapToDouble(measure).min().orElse(0);
			double max = all.stream().mapToDouble(measure).max().orElse(0);
			return new Scale(measure, min, max - min);
		}

		double scaled(CcgResult result) {
			return range == 0 ? 0 : (measure.applyAsDouble(result) - min) / range;
		}
	}
}
