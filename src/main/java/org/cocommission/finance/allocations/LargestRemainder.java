package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cocommission.platform.InvalidInputException;

/**
 * The rounding rule that makes allocations reconcile to the envelope to the penny: every exact amount is rounded down
 * to the penny, then the pennies left over go one each to the largest fractions of a penny (ties by CCG code), never
 * taking an amount outside its bounds (Hamilton's largest-remainder method).
 */
public final class LargestRemainder {

	public static final String RULE = "Each amount is worked out exactly, rounded down to the penny, and the pennies left over"
			+ " go one each to the CCGs with the largest fractions of a penny (ties by CCG code), so the total equals"
			+ " the envelope exactly (largest-remainder method).";

	private LargestRemainder() {
	}

	/**
	 * Whole pence summing to {@code totalPence}, each within [lower, upper], as close as the rule allows to the exact
	 * pence given.
	 */
	public static long[] apportion(long totalPence, BigDecimal[] exactPence, long[] lower, long[] upper, String[] keys) {
		int n = exactPence.length;
		long[] result = new long[n];
		BigDecimal[] remainder = new BigDecimal[n];
		long sum = 0;
		for (int i = 0; i < n; i++) {
			BigDecimal floor = exactPence[i].setScale(0, RoundingMode.FLOOR);
			result[i] = Math.min(upper[i], Math.max(lower[i], floor.longValueExact()));
			remainder[i] = exactPence[i].subtract(BigDecimal.valueOf(result[i]));
			sum += result[i];
		}
		long left = totalPence - sum;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Comparator<Integer> largestFirst = Comparator.<Integer, BigDecimal>comparing(i -> remainder[i]).reversed()
			.thenComparing(i -> keys[i]);
		Comparator<Integer> smallestFirst = Comparator.<Integer, BigDecimal>comparing(i -> remainder[i])
			.thenComparing(i -> keys[i]);
		order.sort(left >= 0 ? largestFirst : smallestFirst);
		while (left != 0) {
			boolean moved = false;
			for (int i : order) {
				if (left > 0 && result[i] < upper[i]) {
					result[i]++;
					left--;
					moved = true;
				}
				else if (left < 0 && result[i] > lower[i]) {
					result[i]--;
					left++;
					moved = true;
				}
				if (left == 0) {
					break;
				}
			}
			if (!moved) {
				throw new InvalidInputException("envelope", "The amounts cannot be made to add up to the envelope within their bounds");
			}
		}
		return result;
	}
}
