package org.cocommission.outcomes.compute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.imports.ObservationFileReader;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The age-band observations of the standardised rates in a recompute, summed per stratum (age band and sex) into each
 * CCG, area team, region and England by the same placements as the totals, so that each level's rate is Dobson's over
 * its own bands (docs/domain-rules.md#outcomes, "Standardised rates"). Each stratum's standard is the European
 * Standard Population 2013 of its age band, the same for each sex.
 */
final class StandardisedBands {

	static final String STANDARD = "ESP2013";

	private static final List<String> SEXES = List.of("MALE", "FEMALE", "PERSONS");

	static final int STRATA = ObservationFileReader.AGE_BANDS.size() * SEXES.size();

	/** Per stratum, its standard population. */
	final double[] standard = new double[STRATA];

	private final Map<Integer, Slice> slices = new HashMap<>();

	/** One slice's bands: events and population per stratum, per organisation of each level. */
	static final class Slice {

		final Map<Integer, double[][]> ccgs = new HashMap<>();

		final Map<Integer, double[][]> areas = new HashMap<>();

		final Map<Integer, double[][]> regions = new HashMap<>();

		final Map<Integer, double[][]> icbs = new HashMap<>();

		final double[][] england = new double[2][STRATA];

		private static void add(Map<Integer, double[][]> level, int index, int stratum, double events, double population) {
			if (index >= 0) {
				double[][] sums = level.computeIfAbsent(index, i -> new double[2][STRATA]);
				sums[0][stratum] += events;
				sums[1][stratum] += population;
			}
		}
	}

	// JdbcTemplate and hand mapping on purpose: read with the recompute, on the transaction's connection.
	StandardisedBands(JdbcTemplate jdbc, RecomputeScope scope, List<IndicatorPeriod> pairs) {
		Map<String, Integer> bands = new HashMap<>();
		for (int band = 0; band < ObservationFileReader.AGE_BANDS.size(); band++) {
			bands.put(ObservationFileReader.AGE_BANDS.get(band), band);
		}
		jdbc.query("select age_band, population from outcomes_standard_population where standard = ?",
				(RowCallbackHandler) rs -> {
					Integer band = bands.get(rs.getString(1));
					if (band != null) {
						for (int sex = 0; sex < SEXES.size(); sex++) {
							standard[band * SEXES.size() + sex] = rs.getDouble(2);
						}
					}
				}, STANDARD);
		Map<String, Integer> sexes = SEXES.stream().collect(Collectors.toMap(Function.identity(), SEXES::indexOf));
		String where = pairs == null ? "" : " where (indicator_id, period) in (select * from unnest(?::varchar[], ?::varchar[]))";
		Object[] parameters = pairs == null ? new Object[0]
				: new Object[] { pairs.stream().map(IndicatorPeriod::indicatorId).toArray(String[]::new),
						pairs.stream().map(IndicatorPeriod::period).toArray(String[]::new) };
		jdbc.query("select indicator_id, period, org_code, age_band, sex, numerator, population"
				+ " from outcomes_band_observation" + where, (RowCallbackHandler) rs -> {
					int indicator = scope.indicators().find(rs.getString(1));
					int period = scope.periods().find(rs.getString(2));
					Integer band = bands.get(rs.getString(4));
					if (indicator < 0 || period < 0 || band == null) {
						return;
					}
					int slice = indicator * scope.periods().size() + period;
					if (!scope.wanted(slice)) {
						return;
					}
					int stratum = band * SEXES.size() + sexes.get(rs.getString(5));
					double events = rs.getDouble(6);
					double population = rs.getDouble(7);
					Placements.Day day = scope.day(period);
					int org = scope.placements().orgs().find(rs.getString(3));
					int ccg = org < 0 ? -1 : day.ccgOf()[org];
					int area = ccg < 0 ? -1 : day.areaOfCcg()[ccg];
					int region = area < 0 ? -1 : day.regionOfArea()[area];
					Slice sums = slices.computeIfAbsent(slice, s -> new Slice());
					Slice.add(sums.ccgs, ccg, stratum, events, population);
					Slice.add(sums.areas, area, stratum, events, population);
					Slice.add(sums.regions, region, stratum, events, population);
					Slice.add(sums.icbs, ccg < 0 ? -1 : day.icbOfCcg()[ccg], stratum, events, population);
					sums.england[0][stratum] += events;
					sums.england[1][stratum] += population;
				}, parameters);
	}

	/** The slice's bands, or null when it has none (its rates are computed from the totals). */
	Slice of(int slice) {
		return slices.get(slice);
	}

	/** Dobson's rate over the bands of one organisation, or null when it has none. */
	IndicatorValue value(Indicator indicator, double[][] sums) {
		return sums == null ? null : IndicatorValue.standardised(indicator, sums[0], sums[1], standard);
	}
}
