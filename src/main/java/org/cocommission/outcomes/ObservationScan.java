package org.cocommission.outcomes;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * One reader of observations: a binary COPY of the five columns a recompute needs, summed as they arrive into
 * per-slice primitive arrays (no object per row). Several readers may scan disjoint block ranges of the table on
 * their own connections; their sums merge.
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

	/** Reads the observations {@code where} selects (an SQL condition) on the connection. */
	ObservationScan read(Connection connection, String where) throws SQLException {
		CopyOut copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyOut("copy (select indicator_id, period, org_code, numerator, denominator from outcomes_observation"
					+ " where " + where + ") to stdout (format binary)");
		try {
			BinaryCopyReader reader = new BinaryCopyReader(copy);
			OrgCodes indicators = scope.indicators();
			OrgCodes periods = scope.periods();
			OrgCodes orgs = scope.placements().orgs();
			int periodCount = periods.size();
			while (reader.next()) {
				int length = reader.field();
				int indicator = indicators.find(reader.buffer(), reader.position(), length);
				reader.skip(length);
				length = reader.field();
				int period = periods.find(reader.buffer(), reader.position(), length);
				reader.skip(length);
				length = reader.field();
				int org = orgs.find(reader.buffer(), reader.position(), length);
				reader.skip(length);
				double numerator = reader.readDouble();
				double denominator = reader.readDouble();
				if (indicator < 0 || period < 0) {
					continue;
				}
				int slice = indicator * periodCount + period;
				if (!scope.wanted(slice)) {
					continue;
				}
				rows++;
				SliceSums sum = sums[slice];
				if (sum == null) {
					sum = scope.newSums();
					sums[slice] = sum;
				}
				Placements.Day day = scope.day(period);
				int ccg = org < 0 ? -1 : day.ccgOf()[org];
				int area = ccg < 0 ? -1 : day.areaOfCcg()[ccg];
				int region = area < 0 ? -1 : day.regionOfArea()[area];
				sum.add(numerator, denominator, ccg, area, region);
				Indicator definition = scope.indicator(indicator);
				if (definition.level() == OutcomesLevel.PRACTICE) {
					double value = PointValue.of(definition, numerator, denominator);
					if (!Double.isNaN(value)) {
						sum.value(value);
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
