package org.cocommission.outcomes.compute;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.imports.OrgCodes;

/**
 * The indicators and periods of one recompute, numbered, with which of their slices (indicator x period) are wanted
 * and where every organisation sits in each period: by the attribution rule, or re-mapped onto a structure date.
 */
final class RecomputeScope {

	private final OrgCodes indicators = new OrgCodes();

	private final OrgCodes periods = new OrgCodes();

	private final Indicator[] definitions;

	private final Placements.Day[] days;

	private final boolean[] wanted;

	private final Placements placements;

	/** The periods' first and last days, kept for a re-mapped scope only. */
	private final Map<String, LocalDate[]> periodDates;

	/** {@code pairs} null for every slice. */
	RecomputeScope(Map<String, Indicator> definitions, Map<String, LocalDate[]> periodDates, List<IndicatorPeriod> pairs,
			Placements placements, LocalDate structure) {
		this.placements = placements;
		definitions.keySet().stream().sorted().forEach(indicators::index);
		periodDates.keySet().stream().sorted().forEach(periods::index);
		this.definitions = new Indicator[indicators.size()];
		for (int i = 0; i < indicators.size(); i++) {
			this.definitions[i] = definitions.get(indicators.code(i));
		}
		this.periodDates = structure == null ? null : periodDates;
		this.days = new Placements.Day[periods.size()];
		for (int p = 0; p < periods.size(); p++) {
			LocalDate[] dates = periodDates.get(periods.code(p));
			days[p] = structure == null ? placements.on(dates[0], dates[1])
					: placements.remapped(structure, dates[0], dates[1]);
		}
		this.wanted = new boolean[indicators.size() * periods.size()];
		if (pairs == null) {
			java.util.Arrays.fill(wanted, true);
		}
		else {
			for (IndicatorPeriod pair : pairs) {
				int indicator = indicators.find(pair.indicatorId());
				int period = periods.find(pair.period());
				if (indicator >= 0 && period >= 0) {
					wanted[indicator * periods.size() + period] = true;
				}
			}
		}
	}

	/** How many organisations sit elsewhere in this scope's period than as the period itself places them. */
	int movedIn(int period) {
		if (periodDates == null) {
			return 0;
		}
		LocalDate[] dates = periodDates.get(periods.code(period));
		return Placements.differences(days[period], placements.on(dates[0], dates[1]));
	}

	OrgCodes indicators() {
		return indicators;
	}

	OrgCodes periods() {
		return periods;
	}

	Placements placements() {
		return placements;
	}

	int slices() {
		return wanted.length;
	}

	boolean wanted(int slice) {
		return wanted[slice];
	}

	Indicator indicator(int index) {
		return definitions[index];
	}

	Indicator indicatorOfSlice(int slice) {
		return definitions[slice / periods.size()];
	}

	String periodOfSlice(int slice) {
		return periods.code(slice % periods.size());
	}

	Placements.Day dayOfSlice(int slice) {
		return days[slice % periods.size()];
	}

	Placements.Day day(int period) {
		return days[period];
	}

	SliceSums newSums() {
		return new SliceSums(placements.ccgs().size(), placements.areas().size(), placements.regions().size(),
				placements.icbs().size());
	}
}
