package org.cocommission.outcomes;

/**
 * An outcomes indicator as data: what is counted over what, at which level it is observed, which way is better and
 * how its intervals are computed. Proportions are shown in percent (multiplier 100).
 */
public record Indicator(String id, String name, OutcomesDomain domain, OutcomesLevel level, IndicatorType type,
		int multiplier, Polarity polarity, String numeratorDefinition, String denominatorDefinition,
		boolean populationDenominator, String source, StatisticalMethod method, Integer fingertipsId) {

	public Indicator {
		if (id == null || id.isBlank() || name == null || name.isBlank()) {
			throw new IllegalArgumentException("An indicator needs an id and a name");
		}
		if (level != OutcomesLevel.PRACTICE && level != OutcomesLevel.CCG) {
			throw new IllegalArgumentException("An indicator is observed for practices or CCGs");
		}
		if ((type == IndicatorType.PROPORTION) != (multiplier == 100 && method == StatisticalMethod.WILSON)) {
			throw new IllegalArgumentException("Proportions are per 100 by the Wilson score method, and only they");
		}
	}

	public String unit() {
		return switch (type) {
			case PROPORTION -> "%";
			// A ratio of 1 (patients per GP FTE) is read from its name: "per 1" says nothing.
			case CRUDE_RATE, DSR -> multiplier == 1 ? "ratio" : "per " + String.format("%,d", multiplier);
		};
	}
}
