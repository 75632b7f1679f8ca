package org.cocommission.outcomes.compute;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.imports.OrgCodes;
import org.cocommission.outcomes.OutcomesLevel;

/**
 * One reader of observations: a binary COPY of the stored slices a recompute needs, summed as they arrive into
 * per-slice primitive arrays (no object per observation). Several readers may read disjoint sets of slices on their
 * own connections; their sums merge.
 */
final class ObservationScan {

	private final RecomputeScope scope;

	private final SliceSums[] sums;

	private long rows;

	ObservationScan(RecomputeScope scope) {
		this.scope = scope;
		this.sums = new SliceSums[scope.slices()];
	}

	SliceSums[] sums() {
		return sums;
	}

	long rows() {
		return rows;
	}

	/** Reads the slices {@code where} selects (an SQL condition on outcomes_slice) on the connection. */
	ObservationScan read(Connection connection, String where) throws SQLException {
		CopyOut copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyOut("copy (select indicator_id, period, org_codes, numerators, denominators from outcomes_slice"
					+ " where " + where + ") to stdout (format binary)");
		try {
			BinaryCopyReader reader = new BinaryCopyReader(copy);
			OrgCodes indicators = scope.indicators();
			OrgCodes periods = scope.periods();
			OrgCodes orgs = scope.placements().orgs();
			int periodCount = periods.size();
			int[] sliceOrgs = new int[1024];
			while (reader.next()) {
				int length = reader.field();
				int indicator = indicators.find(reader.buffer(), reader.position(), length);
				reader.skip(length);
				length = reader.field();
				int period = periods.find(reader.buffer(), reader.position(), length);
				reader.skip(length);
				reader.field();
				int count = reader.arrayLength();
				if (sliceOrgs.length < count) {
					sliceOrgs = new int[Math.max(count, sliceOrgs.length * 2)];
				}
				for (int i = 0; i < count; i++) {
					length = reader.field();
					sliceOrgs[i] = orgs.find(reader.buffer(), reader.position(), length);
					reader.skip(length);
				}
				double[] numerators = reader.readDoubles(count);
				double[] denominators = reader.readDoubles(count);
				int slice = indicator * periodCount + period;
				if (indicator < 0 || period < 0 || !scope.wanted(slice)) {
					continue;
				}
				rows += count;
				SliceSums sum = sums[slice];
				if (sum == null) {
					sum = scope.newSums();
					sums[slice] = sum;
				}
				Placements.Day day = scope.day(period);
				Indicator definition = scope.indicator(indicator);
				boolean practices = definition.level() == OutcomesLevel.PRACTICE;
				boolean proportion = definition.type() == IndicatorType.PROPORTION;
				for (int i = 0; i < count; i++) {
					int org = sliceOrgs[i];
					int ccg = org < 0 ? -1 : day.ccgOf()[org];
					int area = ccg < 0 ? -1 : day.areaOfCcg()[ccg];
					int region = area < 0 ? -1 : day.regionOfArea()[area];
					sum.add(numerators[i], denominators[i], ccg, area, region, ccg < 0 ? -1 : day.icbOfCcg()[ccg]);
					// A register above the list counts in every sum but not in the deciles (docs/domain-rules.md#outcomes).
					if (practices && !(proportion && numerators[i] > denominators[i])) {
						double value = PointValue.of(definition, numerators[i], denominators[i]);
						if (!Double.isNaN(value)) {
							sum.value(value);
						}
					}
				}
			}
			while (copy.readFromCopy() != null) {
				// Drains the end of the COPY so that the connection is ready for the next statement.
			}
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		return this;
	}
}
