package org.cocommission.outcomes.compute;

import java.util.Arrays;

import org.cocommission.outcomes.statistics.BenchmarkComparison;
import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.statistics.Percentiles;

/**
 * Turns one slice's sums into its stored rows: the England value, every area team, CCG and region compared with it,
 * the deciles across CCGs (on the CCGs' values) and across practices (on the practices' values, sorted in place).
 */
final class SliceFinisher {

	private SliceFinisher() {
	}

	static ValueWriter.Rows finish(RecomputeScope scope, int slice, SliceSums sums) {
		return finish(scope, slice, sums, null);
	}

	/** As above; a standardised rate with age bands is Dobson's over each organisation's own bands. */
	static ValueWriter.Rows finish(RecomputeScope scope, int slice, SliceSums sums, StandardisedBands standardised) {
		return finish(scope, slice, sums, standardised, false);
	}

	/** As above; {@code keep} keeps the values as rows instead of encoding them for writing. */
	static ValueWriter.Rows finish(RecomputeScope scope, int slice, SliceSums sums, StandardisedBands standardised,
			boolean keep) {
		StandardisedBands.Slice bands = standardised == null ? null : standardised.of(slice);
		Indicator indicator = scope.indicatorOfSlice(slice);
		String period = scope.periodOfSlice(slice);
		Placements.Day day = scope.dayOfSlice(slice);
		Placements placements = scope.placements();
		ValueWriter.Rows rows = keep ? new ValueWriter.Rows().keep(indicator.type()) : new ValueWriter.Rows();
		IndicatorValue england = value(indicator, sums.numerator, sums.denominator, standardised,
				bands == null ? null : bands.england);
		rows.value(indicator.id(), period, OutcomesLevel.ENGLAND.name(), ValueComputation.ENGLAND, null, sums.numerator,
				sums.denominator, england, Comparison.NOT_COMPARED, null);
		Double benchmark = england.value();
		for (int region = 0; region < sums.regionSeen.length; region++) {
			if (sums.regionSeen[region]) {
				level(rows, indicator, period, OutcomesLevel.REGION, placements.regions().code(region),
						ValueComputation.ENGLAND, sums.regionNumerator[region], sums.regionDenominator[region], benchmark,
						null, value(indicator, sums.regionNumerator[region], sums.regionDenominator[region],
								standardised, bands == null ? null : bands.regions.get(region)));
			}
		}
		for (int area = 0; area < sums.areaSeen.length; area++) {
			if (sums.areaSeen[area]) {
				int region = day.regionOfArea()[area];
				level(rows, indicator, period, OutcomesLevel.AREA_TEAM, placements.areas().code(area),
						region < 0 ? null : placements.regions().code(region), sums.areaNumerator[area],
						sums.areaDenominator[area], benchmark, null, value(indicator, sums.areaNumerator[area],
								sums.areaDenominator[area], standardised, bands == null ? null : bands.areas.get(area)));
			}
		}
		ccgs(rows, indicator, period, day, placements, sums, benchmark, standardised, bands);
		icbs(rows, indicator, period, day, placements, sums, benchmark, standardised, bands);
		if (sums.count > 0) {
			rows.range(indicator.id(), period, OutcomesLevel.PRACTICE.name(), lowest(sums.values, sums.count),
					highest(sums.values, sums.count));
			double[] cuts = cuts(sums.values, sums.count);
			if (cuts != null) {
				rows.decile(indicator.id(), period, OutcomesLevel.PRACTICE.name(), sums.count, cuts);
			}
		}
		return rows;
	}

	private static void ccgs(ValueWriter.Rows rows, Indicator indicator, String period, Placements.Day day,
			Placements placements, SliceSums sums, Double benchmark, StandardisedBands standardised,
			StandardisedBands.Slice bands) {
		ranked(rows, indicator, period, OutcomesLevel.CCG, placements.ccgs(), day.areaOfCcg(), placements.areas(),
				sums.ccgNumerator, sums.ccgDenominator, sums.ccgSeen, benchmark, standardised,
				bands == null ? null : bands.ccgs);
	}

	/** ICBs, from 1 July 2022 or re-mapped onto a structure that has them: values and deciles, as CCGs'. */
	private static void icbs(ValueWriter.Rows rows, Indicator indicator, String period, Placements.Day day,
			Placements placements, SliceSums sums, Double benchmark, StandardisedBands standardised,
			StandardisedBands.Slice bands) {
		ranked(rows, indicator, period, OutcomesLevel.ICB, placements.icbs(), day.regionOfIcb(), placements.regions(),
				sums.icbNumerator, sums.icbDenominator, sums.icbSeen, benchmark, standardised,
				bands == null ? null : bands.icbs);
	}

	/** A level whose organisations are ranked in deciles (CCGs, ICBs): each one's value, comparison and decile. */
	private static void ranked(ValueWriter.Rows rows, Indicator indicator, String period, OutcomesLevel level,
			org.cocommission.outcomes.imports.OrgCodes codes, int[] parentOf, org.cocommission.outcomes.imports.OrgCodes parents,
			double[] numerators, double[] denominators, boolean[] seen, Double benchmark, StandardisedBands standardised,
			java.util.Map<Integer, double[][]> bands) {
		int size = seen.length;
		IndicatorValue[] values = new IndicatorValue[size];
		double[] present = new double[size];
		int count = 0;
		for (int org = 0; org < size; org++) {
			if (seen[org]) {
				values[org] = value(indicator, numerators[org], denominators[org], standardised,
						bands == null ? null : bands.get(org));
				if (values[org].value() != null && !above(indicator, numerators[org], denominators[org])) {
					present[count++] = values[org].value();
				}
			}
		}
		double[] cuts = cuts(present, count);
		if (cuts != null) {
			rows.decile(indicator.id(), period, level.name(), count, cuts);
		}
		for (int org = 0; org < size; org++) {
			if (values[org] == null) {
				continue;
			}
			IndicatorValue value = values[org];
			int parent = parentOf[org];
			rows.value(indicator.id(), period, level.name(), codes.code(org), parent < 0 ? null : parents.code(parent),
					numerators[org], denominators[org], value,
					BenchmarkComparison.compare(value.ci95(), benchmark, indicator.polarity()),
					value.value() == null || above(indicator, numerators[org], denominators[org]) ? null
							: Percentiles.decile(value.value(), cuts));
		}
	}

	/** Dobson's over the organisation's bands where it has them; else from its totals. */
	private static IndicatorValue value(Indicator indicator, double numerator, double denominator,
			StandardisedBands standardised, double[][] bands) {
		IndicatorValue banded = bands == null ? null : standardised.value(indicator, bands);
		return banded != null ? banded : IndicatorValue.of(indicator, numerator, denominator);
	}

	private static boolean above(Indicator indicator, double numerator, double denominator) {
		return ValueRow.aboveDenominator(indicator.type(), numerator, denominator);
	}

	private static void level(ValueWriter.Rows rows, Indicator indicator, String period, OutcomesLevel level,
			String code, String parent, double numerator, double denominator, Double benchmark, Integer decile,
			IndicatorValue value) {
		rows.value(indicator.id(), period, level.name(), code, parent, numerator, denominator, value,
				BenchmarkComparison.compare(value.ci95(), benchmark, indicator.polarity()), decile);
	}

	private static double lowest(double[] values, int count) {
		double lowest = values[0];
		for (int i = 1; i < count; i++) {
			lowest = Math.min(lowest, values[i]);
		}
		return lowest;
	}

	private static double highest(double[] values, int count) {
		double highest = values[0];
		for (int i = 1; i < count; i++) {
			highest = Math.max(highest, values[i]);
		}
		return highest;
	}

	/** The decile cut points of the first {@code count} values, sorting them in place; null below five values. */
	static double[] cuts(double[] values, int count) {
		if (count < Percentiles.MINIMUM_VALUES) {
			return null;
		}
		Arrays.sort(values, 0, count);
		double[] sorted = count == values.length ? values : Arrays.copyOf(values, count);
		double[] cuts = new double[9];
		for (int i = 0; i < 9; i++) {
			cuts[i] = Percentiles.percentile(sorted, (i + 1) / 10.0);
		}
		return cuts;
	}
}
