package org.cocommission.outcomes.statistics;

import java.util.List;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.ValueRow;

/**
 * An organisation against the average of its peer group: the peers' pooled value (the sum of their numerators over
 * the sum of their denominators, times the indicator's multiplier, never the mean of their values), the lowest and
 * highest of their values, and the organisation's comparison with the pooled value by its 95% interval, as with
 * England. Source: docs/domain-rules.md#outcomes (comparison with the peer-group average; aggregation;
 * comparison with a benchmark).
 *
 * @param value the peers' pooled value, null when they have no denominator
 * @param lowest the lowest of the peers' values, null when none has one
 * @param highest the highest of the peers' values
 * @param peers how many peers had a denominator for this indicator and period
 * @param comparison the organisation against {@code value}: a {@link Comparison} name
 */
public record PeerAverage(Double value, Double lowest, Double highest, int peers, String comparison) {

	public static final PeerAverage NONE = new PeerAverage(null, null, null, 0, Comparison.NOT_COMPARED.name());

	public PeerAverage {
		if (peers < 0) {
			throw new IllegalArgumentException("A peer group cannot have fewer than no peers");
		}
		Comparison.valueOf(comparison);
	}

	/** {@code organisation} against its peers' rows of the same indicator and period. */
	public static PeerAverage of(Indicator indicator, ValueRow organisation, List<ValueRow> peers) {
		double numerator = 0;
		double denominator = 0;
		Double lowest = null;
		Double highest = null;
		int counted = 0;
		for (ValueRow peer : peers) {
			if (peer.denominator() <= 0) {
				continue;
			}
			counted++;
			numerator += peer.numerator();
			denominator += peer.denominator();
			if (peer.value() != null) {
				lowest = lowest == null ? peer.value() : Math.min(lowest, peer.value());
				highest = highest == null ? peer.value() : Math.max(highest, peer.value());
			}
		}
		Double pooled = denominator > 0 ? numerator / denominator * indicator.multiplier() : null;
		Interval interval = organisation == null || organisation.value() == null ? null
				: new Interval(organisation.lower95(), organisation.upper95());
		return new PeerAverage(pooled, lowest, highest, counted,
				BenchmarkComparison.compare(interval, pooled, indicator.polarity()).name());
	}

	public Comparison comparedToPeers() {
		return Comparison.valueOf(comparison);
	}
}
