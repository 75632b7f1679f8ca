package org.cocommission.qualitypremium.data;

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
			value = canonical(value);
			numerator = canonical(numerator);
			denominator = canonical(denominator);
			target = canonical(target);
		}

		public static Value of(String value) {
			return new Value(new BigDecimal(value), null, null, null);
		}
	}

	public CcgInputs {
		var sorted = new TreeMap<String, Map<String, Value>>();
		measures.forEach((code, periods) -> sorted.put(code, new TreeMap<>(periods)));
		measures = java.util.Collections.unmodifiableMap(sorted);
		var canonicalStandards = new TreeMap<String, BigDecimal>();
		standards.forEach((code, percent) -> canonicalStandards.put(code, canonical(percent)));
		standards = java.util.Collections.unmodifiableMap(canonicalStandards);
		gateways = java.util.Collections.unmodifiableMap(new TreeMap<>(gateways));
	}

	/**
	 * One spelling per number (2000, 2000.0 and 2E+3 alike), so that inputs stored as JSON and read back hash the same
	 * as when they were first computed.
	 */
	private static BigDecimal canonical(BigDecimal number) {
		return number == null ? null : number.stripTrailingZeros();
	}

	public static CcgInputs empty(String ccgCode) {
		return new CcgInputs(ccgCode, Map.of(), Map.of(), Map.of());
	}

	/** These inputs with every value {@code over} has put in their place (a measure value by code and period). */
	CcgInputs overlaidWith(CcgInputs over) {
		Map<String, Map<String, Value>> merged = new TreeMap<>();
		measures.forEach((code, periods) -> merged.put(code, new TreeMap<>(periods)));
		over.measures().forEach((code, periods) -> merged.computeIfAbsent(code, k -> new TreeMap<>()).putAll(periods));
		Map<String, BigDecimal> mergedStandards = new TreeMap<>(standards);
		mergedStandards.putAll(over.standards());
		Map<String, Boolean> mergedGateways = new TreeMap<>(gateways);
		mergedGateways.putAll(over.gateways());
		return new CcgInputs(ccgCode, merged, mergedStandards, mergedGateways);
	}

	public Value measure(String code, String period) {
		return measures.getOrDefault(code, Map.of()).get(period);
	}
}
