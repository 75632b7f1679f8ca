package org.cocommission.outcomes.read;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.statistics.PeerAverage;
import org.cocommission.outcomes.ValueRow;

/**
 * One indicator on a CCG's spine chart: England's value, the CCG's value and comparison, the lowest and highest of its
 * peers, the range of all CCGs, and the peers' pooled average with the CCG's comparison with it ({@code
 * comparedToPeers}, a {@link Comparison} name; not compared until {@link #withPeers} has added it).
 */
public record SpineRow(Indicator indicator, String period, Double england, ValueRow ccg, Double peerMin, Double peerMax,
		Double ccgMin, Double ccgMax, Double peerAverage, String comparedToPeers) {

	public SpineRow {
		Comparison.valueOf(comparedToPeers);
	}

	/** A row without the peers' average yet. */
	public SpineRow(Indicator indicator, String period, Double england, ValueRow ccg, Double peerMin, Double peerMax,
			Double ccgMin, Double ccgMax) {
		this(indicator, period, england, ccg, peerMin, peerMax, ccgMin, ccgMax, null, Comparison.NOT_COMPARED.name());
	}

	public SpineRow withPeers(PeerAverage average) {
		return new SpineRow(indicator, period, england, ccg, peerMin, peerMax, ccgMin, ccgMax, average.value(),
				average.comparison());
	}

	public Comparison peerComparison() {
		return Comparison.valueOf(comparedToPeers);
	}
}
