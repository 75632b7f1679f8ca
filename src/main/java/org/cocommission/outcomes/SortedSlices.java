package org.cocommission.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * New observations held per indicator and period as primitive arrays (20 bytes a row), and given back in the primary
 * key's order: indicator, period, organisation. Loaded in that order, the table's key is built from presorted input
 * (PostgreSQL's sort checks for it) instead of sorting millions of text keys, and each slice lies together on disk
 * for the recompute and the pages. Holding a national file of 20 million rows takes some 400 MB; past
 * {@link #LIMIT} rows what is held is written out sorted and holding starts again, so memory stays bounded.
 */
final class SortedSlices {

	/** Rows held at most before writing them out. */
	static final int LIMIT = 24_000_000;

	/** Receives the rows in order. */
	interface Out {

		void row(String indicator, String period, String org, double numerator, double denominator);
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

	private long held;

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
		held++;
	}

	boolean full() {
		return held >= LIMIT;
	}

	/** Gives every held row back in key order and forgets them. */
	void drain(Out out) {
		int[] rank = ranks();
		List<Slice> ordered = slices.stream()
			.filter(slice -> slice != null && slice.count > 0)
			.sorted(Comparator.comparing((Slice slice) -> slice.indicator).thenComparing(slice -> slice.period))
			.toList();
		for (Slice slice : ordered) {
			long[] keys = new long[slice.count];
			for (int row = 0; row < slice.count; row++) {
				keys[row] = ((long) rank[slice.orgs[row]] << 32) | row;
			}
			Arrays.sort(keys);
			for (long key : keys) {
				int row = (int) key;
				out.row(slice.indicator, slice.period, orgs.code(slice.orgs[row]), slice.numerators[row],
						slice.denominators[row]);
			}
		}
		for (int i = 0; i < slices.size(); i++) {
			slices.set(i, null);
		}
		held = 0;
	}

	/** Each organisation index's place in code order. */
	private int[] ranks() {
		Integer[] byCode = new Integer[orgs.size()];
		for (int i = 0; i < byCode.length; i++) {
			byCode[i] = i;
		}
		Arrays.sort(byCode, Comparator.comparing(orgs::code));
		int[] rank = new int[byCode.length];
		for (int place = 0; place < byCode.length; place++) {
			rank[byCode[place]] = place;
		}
		return rank;
	}
}
