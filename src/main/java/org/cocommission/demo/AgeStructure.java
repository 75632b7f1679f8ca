package org.cocommission.demo;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Splits a practice list into the 5-year bands NHS Digital publishes ({@code 0_4} to {@code 90_94}, {@code 95+}) by
 * sex, from an England-like pyramid (registered lists, 2013-14: about 50.3% female, more women among the elderly)
 * bent by the kind of population a practice serves.
 */
final class AgeStructure {

	static final List<String> BANDS = IntStream.range(0, 20)
		.mapToObj(index -> index == 19 ? "95+" : index * 5 + "_" + (index * 5 + 4))
		.toList();

	/** Percent of all patients, by band, approximating England's registered population around 2014. */
	private static final double[] MALE = { 3.25, 2.95, 2.80, 3.10, 3.45, 3.45, 3.35, 3.15, 3.55, 3.60, 3.25, 2.80,
			2.80, 2.55, 1.85, 1.45, 0.95, 0.50, 0.17, 0.04 };

	private static final double[] FEMALE = { 3.10, 2.80, 2.65, 2.95, 3.35, 3.45, 3.35, 3.15, 3.60, 3.70, 3.30, 2.85,
			2.90, 2.70, 2.10, 1.80, 1.35, 0.90, 0.42, 0.13 };

	private static final double FEMALE_SHARE = 0.503;

	/** The kind of list a practice has, which bends the national pyramid. */
	enum Profile {

		/** Close to the national pyramid. */
		TYPICAL,
		/** Coastal and rural retirement areas: more people over 65. */
		OLDER,
		/** Inner cities: more adults of working age, fewer elderly. */
		YOUNG_URBAN,
		/** University health centres: mostly 18-29. */
		STUDENT
	}

	private AgeStructure() {
	}

	/** {@code total} patients as counts per [sex][band], sex 0 male, 1 female; the counts add up to {@code total}. */
	static int[][] split(int total, Profile profile, Random random) {
		double tilt = switch (profile) {
			case TYPICAL -> random.nextGaussian() * 0.004;
			case OLDER -> 0.010 + random.nextGaussian() * 0.003;
			case YOUNG_URBAN -> -0.008 + random.nextGaussian() * 0.003;
			case STUDENT -> 0;
		};
		double maleTotal = sum(MALE);
		double femaleTotal = sum(FEMALE);
		double femaleShare = FEMALE_SHARE + random.nextGaussian() * 0.004;
		double[] weights = new double[40];
		for (int band = 0; band < 20; band++) {
			double middle = band * 5 + 2.5;
			double bend = Math.exp(tilt * (middle - 40)) * profileFactor(profile, band)
					* Math.exp(random.nextGaussian() * 0.05);
			weights[band] = MALE[band] / maleTotal * (1 - femaleShare) * bend;
			weights[20 + band] = FEMALE[band] / femaleTotal * femaleShare * bend;
		}
		int[] counts = apportion(total, weights);
		int[][] split = new int[2][20];
		for (int band = 0; band < 20; band++) {
			split[0][band] = counts[band];
			split[1][band] = counts[20 + band];
		}
		return split;
	}

	private static double profileFactor(Profile profile, int band) {
		return switch (profile) {
			case TYPICAL -> 1;
			case OLDER -> band >= 13 ? 1.25 : band >= 4 && band <= 7 ? 0.8 : 1;
			case YOUNG_URBAN -> band >= 4 && band <= 7 ? 1.45 : band == 0 ? 1.15 : band >= 13 ? 0.6 : 1;
			case STUDENT -> switch (band) {
				case 3 -> 3.0;
				case 4 -> 7.0;
				case 5 -> 1.8;
				case 6, 7, 8, 9, 10, 11 -> 0.6;
				case 0, 1, 2 -> 0.3;
				default -> 0.15;
			};
		};
	}

	/** Largest remainder: whole numbers in proportion to the weights that add up to {@code total} exactly. */
	static int[] apportion(int total, double[] weights) {
		double sum = sum(weights);
		int[] counts = new int[weights.length];
		double[] remainders = new double[weights.length];
		int assigned = 0;
		for (int index = 0; index < weights.length; index++) {
			double exact = total * weights[index] / sum;
			counts[index] = (int) Math.floor(exact);
			remainders[index] = exact - counts[index];
			assigned += counts[index];
		}
		for (int left = total - assigned; left > 0; left--) {
			int largest = 0;
			for (int index = 1; index < weights.length; index++) {
				if (remainders[index] > remainders[largest]) {
					largest = index;
				}
			}
			counts[largest]++;
			remainders[largest] = -1;
		}
		return counts;
	}

	private static double sum(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum;
	}
}
