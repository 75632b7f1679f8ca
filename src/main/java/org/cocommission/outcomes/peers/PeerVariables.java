package org.cocommission.outcomes.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.PopulationQueries;

/**
 * The demographic and need variables that make peer groups, for CCGs and practices alike: registered list size (on a
 * log scale, so that a list twice as large is as far at every size), the shares aged 0-14, 65 and over and 85 and
 * over, and deprivation and rurality where loaded as data. A variable is used only when every organisation compared
 * has it. Source: docs/domain-rules.md#outcomes (most similar 10 CCGs; show users which variables made the peers).
 */
public final class PeerVariables {

	static final int LIST_SIZE = 0;

	public static final int DEPRIVATION = 4;

	public static final int RURALITY = 5;

	static final int COUNT = 6;

	/** The variables, in the order they are shown. */
	public static final Map<String, String> LABELS = labels();

	public static final List<String> NAMES = List.copyOf(LABELS.keySet());

	/** Organisations compared, their raw variables (only those used), z-scores and nearest. */
	public record Computed(List<Integer> used, String[] codes, double[][] raw, double[][] scores,
			MostSimilar.Nearest nearest) {

		/** The value of a used variable as shown (the list size itself rather than its logarithm). */
		double shown(int organisation, int usedIndex) {
			double value = raw[organisation][usedIndex];
			return used.get(usedIndex) == LIST_SIZE ? Math.exp(value) : value;
		}

		/** The indices (into {@link #codes}) of an organisation's nearest, nearest first. */
		public int[] nearestOf(int organisation) {
			return nearest.peers()[organisation].clone();
		}

		/** The distances to an organisation's nearest, in the order of {@link #nearestOf}. */
		public double[] distancesOf(int organisation) {
			return nearest.distances()[organisation].clone();
		}

		public List<String> usedNames() {
			return used.stream().map(NAMES::get).toList();
		}
	}

	private PeerVariables() {
	}

	/** A new row of the six variables from a registered list by age band; deprivation and rurality not yet known. */
	public static double[] fromList(PopulationQueries.BandCounts counts) {
		return fromList(counts.total(), count(counts, 0, 14), count(counts, 65, 200), count(counts, 85, 200));
	}

	/** The same from the list size and the patients aged 0-14, 65 and over, and 85 and over. */
	public static double[] fromList(long total, long aged0To14, long aged65Plus, long aged85Plus) {
		return new double[] { Math.log(total), 100.0 * aged0To14 / total, 100.0 * aged65Plus / total,
				100.0 * aged85Plus / total, Double.NaN, Double.NaN };
	}

	/** Standardises the variables every organisation has and finds each one's {@code count} nearest. */
	public static Computed compute(Map<String, double[]> raw, int count) {
		List<Integer> used = new ArrayList<>();
		for (int v = 0; v < COUNT; v++) {
			final int index = v;
			if (!raw.isEmpty() && raw.values().stream().noneMatch(x -> Double.isNaN(x[index]))) {
				used.add(v);
			}
		}
		String[] codes = raw.keySet().toArray(String[]::new);
		double[][] chosen = new double[codes.length][];
		int o = 0;
		for (double[] values : raw.values()) {
			chosen[o++] = used.stream().mapToDouble(v -> values[v]).toArray();
		}
		double[][] scores = MostSimilar.standardise(chosen);
		return new Computed(List.copyOf(used), codes, chosen, scores, MostSimilar.nearest(codes, scores, count));
	}

	private static long count(PopulationQueries.BandCounts counts, int from, int to) {
		long count = 0;
		for (String band : PopulationQueries.AGE_BANDS) {
			int lower = Integer.parseInt(band.replace("+", "").split("_")[0]);
			if (lower >= from && lower <= to) {
				count += counts.male().getOrDefault(band, 0L) + counts.female().getOrDefault(band, 0L);
			}
		}
		return count;
	}

	private static Map<String, String> labels() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("LIST_SIZE", "Registered patients (compared on a log scale)");
		variables.put("AGED_0_14", "Aged 0-14 (%)");
		variables.put("AGED_65_PLUS", "Aged 65 and over (%)");
		variables.put("AGED_85_PLUS", "Aged 85 and over (%)");
		variables.put("DEPRIVATION", "Deprivation score (IMD)");
		variables.put("RURALITY", "Rurality");
		return Collections.unmodifiableMap(variables);
	}
}
