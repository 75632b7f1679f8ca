package org.cocommission.outcomes;

/**
 * One indicator on a CCG's spine chart: England's value, the CCG's value and comparison, the lowest and highest of its
 * peers, and the range of all CCGs.
 */
public record SpineRow(Indicator indicator, String period, Double england, ValueRow ccg, Double peerMin, Double peerMax,
		Double ccgMin, Double ccgMax) {
}
