package org.cocommission.outcomes.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Most similar" peers: every variable standardised to a z-score over all organisations ((x - mean) / standard
 * deviation), equally weighted, and the nearest by Euclidean distance, ties broken by code. A variable with no
 * spread carries no information and is left out. Source: docs/domain-rules.md#outcomes (most similar 10 CCGs; NHS
 * England's statistical neighbours, here with the z-score as the scaling).
 */
final class MostSimilar {

	record Peer(String code, double distance) {
	}

	/** For each organisation (by index), the indexes of its nearest, nearest first, and their distances. */
	record Nearest(int[][] peers, double[][] distances) {
	}

	private MostSimilar() {
	}

	/** Each variable's z-scores, by organisation, in the order the organisations were given. */
	static Map<String, double[]> standardise(Map<String, double[]> raw) {
		double[][] scores = standardise(raw.values().toArray(double[][]::new));
		Map<String, double[]> result = new LinkedHashMap<>();
		int index = 0;
		for (String code : raw.keySet()) {
			result.put(code, scores[index++]);
		}
		return result;
	}

	/** Each variable (column) of {@code raw} as z-scores over the organisations (rows). */
	static double[][] standardise(double[][] raw) {
		int count = raw.length;
		int variables = count == 0 ? 0 : raw[0].length;
		double[][] scores = new double[count][variables];
		for (int v = 0; v < variables; v++) {
			double sum = 0;
			for (double[] row : raw) {
				sum += row[v];
			}
			double mean = sum / count;
			double squares = 0;
			for (double[] row : raw) {
				squares += (row[v] - mean) * (row[v] - mean);
			}
			double sd = Math.sqrt(squares / count);
			for (int o = 0; o < count; o++) {
				scores[o][v] = sd == 0 ? 0 : (raw[o][v] - mean) / sd;
			}
		}
		return scores;
	}

	/** The {@code count} nearest organisations to each, nearest first. */
	static Map<String, List<Peer>> nearest(Map<String, double[]> scores, int count) {
		String[] codes = scores.keySet().toArray(String[]::new);
		Nearest nearest = nearest(codes, scores.values().toArray(double[][]::new), count);
		Map<String, List<Peer>> peers = new LinkedHashMap<>();
		for (int o = 0; o < codes.length; o++) {
			List<Peer> own = new ArrayList<>(nearest.peers()[o].length);
			for (int k = 0; k < nearest.peers()[o].length; k++) {
				own.add(new Peer(codes[nearest.peers()[o][k]], nearest.distances()[o][k]));
			}
			peers.put(codes[o], List.copyOf(own));
		}
		return peers;
	}

	/**
	 * All pairs in primitive arrays, each pair computed once and offered to both organisations' bounded lists of the
	 * nearest so far: 7,800 practices (30 million pairs) take a fraction of a second.
	 */
	static Nearest nearest(String[] codes, double[][] scores, int count) {
		int n = codes.length;
		int variables = n == 0 ? 0 : scores[0].length;
		int keep = Math.max(0, Math.min(count, n - 1));
		double[] flat = new double[n * variables];
		for (int o = 0; o < n; o++) {
			System.arraycopy(scores[o], 0, flat, o * variables, variables);
		}
		int[][] peers = new int[n][keep];
		double[][] squared = new double[n][keep];
		int[] sizes = new int[n];
		// Each organisation's furthest kept distance (infinite until its list is full): most pairs fail both checks.
		double[] worst = new double[n];
		java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
		for (int i = 0; i < n; i++) {
			int bi = i * variables;
			for (int j = i + 1; j < n; j++) {
				int bj = j * variables;
				double sum = 0;
				for (int v = 0; v < variables; v++) {
					double d = flat[bi + v] - flat[bj + v];
					sum += d * d;
				}
				if (sum <= worst[i]) {
					worst[i] = offer(codes, peers[i], squared[i], sizes, i, j, sum, keep);
				}
				if (sum <= worst[j]) {
					worst[j] = offer(codes, peers[j], squared[j], sizes, j, i, sum, keep);
				}
			}
		}
		double[][] distances = new double[n][keep];
		for (int o = 0; o < n; o++) {
			for (int k = 0; k < keep; k++) {
				distances[o][k] = Math.sqrt(squared[o][k]);
			}
		}
		return new Nearest(peers, distances);
	}

	/**
	 * Inserts {@code candidate} into {@code own}'s sorted list if it is nearer (or as near with a smaller code); returns
	 * the list's furthest distance once it is full, infinity before.
	 */
	private static double offer(String[] codes, int[] peers, double[] squared, int[] sizes, int own, int candidate,
			double distance, int keep) {
		if (keep == 0) {
			return Double.NEGATIVE_INFINITY;
		}
		int size = sizes[own];
		if (size == keep && !before(codes, distance, candidate, squared[keep - 1], peers[keep - 1])) {
			return squared[keep - 1];
		}
		int position = size == keep ? keep - 1 : size;
		while (position > 0 && before(codes, distance, candidate, squared[position - 1], peers[position - 1])) {
			squared[position] = squared[position - 1];
			peers[position] = peers[position - 1];
			position--;
		}
		squared[position] = distance;
		peers[position] = candidate;
		if (size < keep) {
			sizes[own] = size + 1;
		}
		return sizes[own] == keep ? squared[keep - 1] : Double.POSITIVE_INFINITY;
	}

	private static boolean before(String[] codes, double distance, int candidate, double otherDistance, int other) {
		return distance < otherDistance || (distance == otherDistance && codes[candidate].compareTo(codes[other]) < 0);
	}
}
