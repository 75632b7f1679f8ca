package org.cocommission.qualitypremium;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one CCG achieved in a year, whatever its source: measure values by measure code and period, each standard's %
 * achieved, and each gateway passed or failed. Sorted maps, so the same inputs always read (and hash) the same.
 */
public record CcgInputs(String ccgCode, Map<String, Map<String, Value>> measures, Map<String, BigDecimal> standards,
		Map<String, Boolean> gateways) {

	/** A value, with its numerator and denominator where it is a rate, and a CCG-specific target where one applies. */
	public record Value(BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal target) {

		public Value {
			if (value == null) {
				throw new IllegalArgumentException("A value is needed");
			}
		}

		public static Value of(String value) {
			return new Value(new BigDecimal(value), null, null, null);
		}
	}

	public CcgInputs {
		var sorted = new TreeMap<String, Map<String, Value>>();
		measures.forEach((code, periods) -> sorted.put(code, new TreeMap<>(periods)));
		measures = java.util.Collections.unmodifiableMap(sorted);
		standards = java.util.Collections.unmodifiableMap(new TreeMap<>(standards));
		gateways = java.util.Collections.unmodifiableMap(new TreeMap<>(gateways));
	}

	public static CcgInputs empty(String ccgCode) {
		return new CcgInputs(ccgCode, Map.of(), Map.of(), Map.of());
	}

	Value measure(String code, String period) {
		return measures.getOrDefault(code, Map.of()).get(period);
	}
}
