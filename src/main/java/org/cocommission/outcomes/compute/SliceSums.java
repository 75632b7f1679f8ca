package org.cocommission.outcomes.compute;

import java.util.Arrays;

/**
 * What one reader has summed of one indicator and period: numerators and denominators per CCG, area team, region
 * and ICB (by index) and for England, and the value of every practice observation, for the deciles. Two readers'
 * sums of the same slice merge.
 */
final class SliceSums {

	final double[] ccgNumerator;

	final double[] ccgDenominator;

	final boolean[] ccgSeen;

	final double[] areaNumerator;

	final double[] areaDenominator;

	final boolean[] areaSeen;

	final double[] regionNumerator;

	final double[] regionDenominator;

	final boolean[] regionSeen;

	final double[] icbNumerator;

	final double[] icbDenominator;

	final boolean[] icbSeen;

	double numerator;

	double denominator;

	/** Practice values that are not null, unsorted. */
	double[] values = new double[64];

	int count;

	SliceSums(int ccgs, int areas, int regions, int icbs) {
		icbNumerator = new double[icbs];
		icbDenominator = new double[icbs];
		icbSeen = new boolean[icbs];
		ccgNumerator = new double[ccgs];
		ccgDenominator = new double[ccgs];
		ccgSeen = new boolean[ccgs];
		areaNumerator = new double[areas];
		areaDenominator = new double[areas];
		areaSeen = new boolean[areas];
		regionNumerator = new double[regions];
		regionDenominator = new double[regions];
		regionSeen = new boolean[regions];
	}

	/** Adds one observation placed in a CCG, area team, region and ICB (each -1 when it has none). */
	void add(double n, double d, int ccg, int area, int region, int icb) {
		if (icb >= 0) {
			icbNumerator[icb] += n;
			icbDenominator[icb] += d;
			icbSeen[icb] = true;
		}
		numerator += n;
		denominator += d;
		if (ccg >= 0) {
			ccgNumerator[ccg] += n;
			ccgDenominator[ccg] += d;
			ccgSeen[ccg] = true;
		}
		if (area >= 0) {
			areaNumerator[area] += n;
			areaDenominator[area] += d;
			areaSeen[area] = true;
		}
		if (region >= 0) {
			regionNumerator[region] += n;
			regionDenominator[region] += d;
			regionSeen[region] = true;
		}
	}

	void value(double value) {
		if (count == values.length) {
			values = Arrays.copyOf(values, count * 2);
		}
		values[count++] = value;
	}

	void merge(SliceSums other) {
		numerator += other.numerator;
		denominator += other.denominator;
		merge(ccgNumerator, ccgDenominator, ccgSeen, other.ccgNumerator, other.ccgDenominator, other.ccgSeen);
		merge(areaNumerator, areaDenominator, areaSeen, other.areaNumerator, other.areaDenominator, other.areaSeen);
		merge(regionNumerator, regionDenominator, regionSeen, other.regionNumerator, other.regionDenominator,
				other.regionSeen);
		merge(icbNumerator, icbDenominator, icbSeen, other.icbNumerator, other.icbDenominator, other.icbSeen);
		if (count + other.count > values.length) {
			values = Arrays.copyOf(values, count + other.count);
		}
		System.arraycopy(other.values, 0, values, count, other.count);
		count += other.count;
	}

	private static void merge(double[] numerators, double[] denominators, boolean[] seen, double[] otherNumerators,
			double[] otherDenominators, boolean[] otherSeen) {
		for (int i = 0; i < seen.length; i++) {
			if (otherSeen[i]) {
				numerators[i] += otherNumerators[i];
				denominators[i] += otherDenominators[i];
				seen[i] = true;
			}
		}
	}
}
