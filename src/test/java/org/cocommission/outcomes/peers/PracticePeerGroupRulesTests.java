package org.cocommission.outcomes.peers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Practice peer groups on crafted sets: the all-pairs search in arrays, and the variables it is made from. */
class PracticePeerGroupRulesTests {

	@Test
	void findsTheNearestFirstWithTheirDistancesAndNeverItself() {
		// Five practices on a line at 0, 1, 3, 6, 10 (already z-scores).
		String[] codes = { "P1", "P2", "P3", "P4", "P5" };
		double[][] scores = { { 0 }, { 1 }, { 3 }, { 6 }, { 10 } };
		MostSimilar.Nearest nearest = MostSimilar.nearest(codes, scores, 3);
		assertThat(nearest.peers()[0]).containsExactly(1, 2, 3);
		assertThat(nearest.distances()[0]).containsExactly(1, 3, 6);
		assertThat(nearest.peers()[2]).containsExactly(1, 0, 3);
		assertThat(nearest.distances()[2]).containsExactly(2, 3, 3);
		for (int o = 0; o < codes.length; o++) {
			final int self = o;
			assertThat(Arrays.stream(nearest.peers()[o]).noneMatch(peer -> peer == self)).isTrue();
		}
	}

	@Test
	void breaksTiesByCodeWhateverTheOrderGiven() {
		// B, C and D are all exactly 2 from A (on two axes); the order given must not decide.
		String[] codes = { "A", "D", "C", "B" };
		double[][] scores = { { 0, 0 }, { 2, 0 }, { 0, 2 }, { -2, 0 } };
		MostSimilar.Nearest nearest = MostSimilar.nearest(codes, scores, 3);
		assertThat(Arrays.stream(nearest.peers()[0]).mapToObj(i -> codes[i])).containsExactly("B", "C", "D");
		assertThat(nearest.distances()[0]).containsExactly(2, 2, 2);
	}

	@Test
	void fewerOrganisationsThanPeersGivesEveryOtherOne() {
		MostSimilar.Nearest nearest = MostSimilar.nearest(new String[] { "A", "B", "C" },
				new double[][] { { 0 }, { 1 }, { 5 } }, 10);
		assertThat(nearest.peers()[0]).containsExactly(1, 2);
		assertThat(MostSimilar.nearest(new String[] { "A" }, new double[][] { { 0 } }, 10).peers()[0]).isEmpty();
	}

	@Test
	void agreesWithSortingEveryDistanceOnARandomSet() {
		Random random = new Random(7);
		int n = 400;
		String[] codes = IntStream.range(0, n).mapToObj(i -> String.format("X%04d", (i * 37) % n)).toArray(String[]::new);
		double[][] scores = new double[n][4];
		for (double[] row : scores) {
			for (int v = 0; v < 4; v++) {
				// Rounded so that ties happen.
				row[v] = Math.round(random.nextGaussian() * 4) / 4.0;
			}
		}
		MostSimilar.Nearest nearest = MostSimilar.nearest(codes, scores, 10);
		for (int o = 0; o < n; o++) {
			final int self = o;
			List<Integer> expected = IntStream.range(0, n)
				.filter(other -> other != self)
				.boxed()
				.sorted(Comparator.<Integer>comparingDouble(other -> distance(scores[self], scores[other]))
					.thenComparing(other -> codes[other]))
				.limit(10)
				.toList();
			assertThat(Arrays.stream(nearest.peers()[o]).boxed().toList()).isEqualTo(expected);
			assertThat(nearest.distances()[o][0]).isCloseTo(distance(scores[o], scores[expected.get(0)]), within(1e-12));
		}
	}

	@Test
	void usesOnlyTheVariablesEveryPracticeHasAndShowsListSizeAsItIs() {
		Map<String, double[]> raw = new LinkedHashMap<>();
		raw.put("A", new double[] { Math.log(1000), 10, 20, 2, 15, Double.NaN });
		raw.put("B", new double[] { Math.log(4000), 20, 10, 1, 25, 1 });
		raw.put("C", new double[] { Math.log(2000), 15, 15, 1.5, 20, 0 });
		PeerVariables.Computed computed = PeerVariables.compute(raw, 10);
		// Rurality is missing for A, so it is left out for everyone.
		assertThat(computed.usedNames()).containsExactly("LIST_SIZE", "AGED_0_14", "AGED_65_PLUS", "AGED_85_PLUS",
				"DEPRIVATION");
		assertThat(computed.shown(0, 0)).isCloseTo(1000, within(1e-9));
		assertThat(computed.scores()[2][1]).isCloseTo(0, within(1e-12));
		assertThat(Arrays.stream(computed.nearest().peers()[0]).mapToObj(i -> computed.codes()[i])).containsExactly("C", "B");
	}

	@Test
	void sevenThousandEightHundredPracticesTakeWellUnderTwoSeconds() {
		// Not a timing assertion (the machine is shared): it prints the figure the report quotes, and checks the result.
		Random random = new Random(2013);
		int n = 7_800;
		String[] codes = new String[n];
		double[][] raw = new double[n][5];
		for (int i = 0; i < n; i++) {
			codes[i] = String.format("P%05d", i);
			for (int v = 0; v < 5; v++) {
				raw[i][v] = random.nextGaussian();
			}
		}
		long started = System.nanoTime();
		MostSimilar.Nearest nearest = MostSimilar.nearest(codes, MostSimilar.standardise(raw), 10);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("All pairs of 7,800 practices on 5 variables: " + millis + " ms");
		assertThat(nearest.peers()).hasNumberOfRows(n);
		assertThat(nearest.distances()[0]).isSorted();
	}

	private static double distance(double[] a, double[] b) {
		double sum = 0;
		for (int v = 0; v < a.length; v++) {
			sum += (a[v] - b[v]) * (a[v] - b[v]);
		}
		return Math.sqrt(sum);
	}
}
