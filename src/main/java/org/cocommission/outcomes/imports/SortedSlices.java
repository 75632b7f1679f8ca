package org.cocommission.outcomes.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * New observations held per indicator and period as primitive arrays (20 bytes a row) until the file is read, then
 * given back a slice at a time in organisation code order, the order {@code outcomes_slice} stores them in. Holding a
 * national file of 20 million rows takes some 400 MB.
 */
final class SortedSlices {

	/** One slice's rows in organisation code order. */
	record Sorted(String indicator, String period, int[] orgs, double[] numerators, double[] denominators) {

		int size() {
			return orgs.length;
		}
	}

	private static final class Slice {

		final String indicator;

		final String period;

		int[] orgs = new int[256];

		double[] numerators = new double[256];

		double[] denominators = new double[256];

		int count;

		Slice(String indicator, String period) {
			this.indicator = indicator;
			this.period = period;
		}
	}

	private final OrgCodes orgs;

	private final List<Slice> slices = new ArrayList<>();

	private int[] rank;

	SortedSlices(OrgCodes orgs) {
		this.orgs = orgs;
	}

	/** Holds one row of slice number {@code slice} (numbered from 0 in the order first seen). */
	void add(int slice, String indicator, String period, int org, double numerator, double denominator) {
		while (slices.size() <= slice) {
			slices.add(null);
		}
		Slice target = slices.get(slice);
		if (target == null) {
			target = new Slice(indicator, period);
			slices.set(slice, target);
		}
		if (target.count == target.orgs.length) {
			int size = target.count * 2;
			target.orgs = Arrays.copyOf(target.orgs, size);
			target.numerators = Arrays.copyOf(target.numerators, size);
			target.denominators = Arrays.copyOf(target.denominators, size);
		}
		target.orgs[target.count] = org;
		target.numerators[target.count] = numerator;
		target.denominators[target.count] = denominator;
		target.count++;
	}

	/** The numbers of the slices held, in key order: indicator, then period. */
	List<Integer> order() {
		List<Integer> numbers = new ArrayList<>();
		for (int number = 0; number < slices.size(); number++) {
			if (slices.get(number) != null) {
				numbers.add(number);
			}
		}
		numbers.sort(Comparator.comparing((Integer number) -> slices.get(number).indicator)
			.thenComparing(number -> slices.get(number).period));
		return numbers;
	}

	/** Gives back one slice's rows in code order, and forgets them. */
	Sorted take(int number) {
		if (rank == null) {
			rank = ranks();
		}
		Slice slice = slices.get(number);
		slices.set(number, null);
		int count = slice.count;
		int[] sortedOrgs = new int[count];
		double[] numerators = new double[count];
		double[] denominators = new double[count];
		if (inCodeOrder(slice)) {
			System.arraycopy(slice.orgs, 0, sortedOrgs, 0, count);
			System.arraycopy(slice.numerators, 0, numerators, 0, count);
			System.arraycopy(slice.denominators, 0, denominators, 0, count);
		}
		else {
			long[] keys = new long[count];
			for (int row = 0; row < count; row++) {
				keys[row] = ((long) rank[slice.orgs[row]] << 32) | row;
			}
			Arrays.sort(keys);
			for (int place = 0; place < count; place++) {
				int row = (int) keys[place];
				sortedOrgs[place] = slice.orgs[row];
				numerators[place] = slice.numerators[row];
				denominators[place] = slice.denominators[row];
			}
		}
		return new Sorted(slice.indicator, slice.period, sortedOrgs, numerators, denominators);
	}

	/** Files listed practice by practice arrive in code order already: no sort needed. */
	private boolean inCodeOrder(Slice slice) {
		for (int row = 1; row < slice.count; row++) {
			if (rank[slice.orgs[row - 1]] >= rank[slice.orgs[row]]) {
				return false;
			}
		}
		return true;
	}

	/** Each organisation index's place in code order. */
	private int[] ranks() {
		Integer[] byCode = new Integer[orgs.size()];
		for (int i = 0; i < byCode.length; i++) {
			byCode[i] = i;
		}
		Arrays.sort(byCode, Comparator.comparing(orgs::code));
		int[] ranks = new int[byCode.length];
		for (int place = 0; place < byCode.length; place++) {
			ranks[byCode[place]] = place;
		}
		return ranks;
	}
}
