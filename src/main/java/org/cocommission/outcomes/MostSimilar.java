package org.cocommission.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Most similar" peers: every variable standardised to a z-score over all organisations ((x - mean) / standard
 * deviation), equally weighted, and the nearest by Euclidean distance, ties broken by code. A variable with no
 * spread carries no information and is left out. Source: REFERENCE.md section 8 (most similar 10 CCGs; NHS
 * England's statistical neighbours, here with the z-score as the scaling).
 */
final class MostSimilar {

	record Peer(String code, double distance) {
	}

	private MostSimilar() {
	}

	/** Each variable's z-scores, by organisation, in the order the organisations were given. */
	static Map<String, double[]> standardise(Map<String, double[]> raw) {
		int variables = raw.values().stream().findFirst().map(v -> v.length).orElse(0);
		double[] mean = new double[variables];
		double[] sd = new double[variables];
		for (int v = 0; v < variables; v++) {
			final int index = v;
			mean[v] = raw.values().stream().mapToDouble(x -> x[index]).average().orElse(0);
			sd[v] = Math.sqrt(raw.values().stream().mapToDouble(x -> Math.pow(x[index] - mean[index], 2)).average().orElse(0));
		}
		Map<String, double[]> scores = new LinkedHashMap<>();
		raw.forEach((code, values) -> {
			double[] z = new double[variables];
			for (int v = 0; v < variables; v++) {
				z[v] = sd[v] == 0 ? 0 : (values[v] - mean[v]) / sd[v];
			}
			scores.put(code, z);
		});
		return scores;
	}

	/** The {@code count} nearest organisations to each, nearest first. */
	static Map<String, List<Peer>> nearest(Map<String, double[]> scores, int count) {
		Map<String, List<Peer>> peers = new LinkedHashMap<>();
		scores.forEach((code, own) -> {
			List<Peer> candidates = new ArrayList<>(scores.size());
			scores.forEach((other, theirs) -> {
				if (!other.equals(code)) {
					double sum = 0;
					for (int v = 0; v < own.length; v++) {
						sum += (own[v] - theirs[v]) * (own[v] - theirs[v]);
					}
					candidates.add(new Peer(other, Math.sqrt(sum)));
				}
			});
			candidates.sort(Comparator.comparingDouble(Peer::distance).thenComparing(Peer::code));
			peers.put(code, List.copyOf(candidates.subList(0, Math.min(count, candidates.size()))));
		});
		return peers;
	}
}
