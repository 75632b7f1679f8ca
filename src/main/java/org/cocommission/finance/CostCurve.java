package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.PopulationQueries;

/**
 * The age/sex cost curve of a formula: the relative cost of a person of each sex in each 5-year band, for every band
 * from {@code 0_4} to {@code 90+}. Source: NHS England weighted capitation formula (docs/domain-rules.md#finance).
 */
public record CostCurve(Map<String, BigDecimal> male, Map<String, BigDecimal> female) {

	public CostCurve {
		List<String> missing = new ArrayList<>();
		for (String band : PopulationQueries.AGE_BANDS) {
			if (male == null || male.get(band) == null) {
				missing.add("male " + band);
			}
			if (female == null || female.get(band) == null) {
				missing.add("female " + band);
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("The cost curve has no weight for " + String.join(", ", missing));
		}
		for (var entry : List.of(male, female)) {
			for (var weight : entry.entrySet()) {
				if (!PopulationQueries.AGE_BANDS.contains(weight.getKey())) {
					throw new IllegalArgumentException("'" + weight.getKey() + "' is not an age band such as 0_4 or 90+");
				}
				if (weight.getValue().signum() < 0) {
					throw new IllegalArgumentException("The weight for " + weight.getKey() + " cannot be negative");
				}
			}
		}
		male = ordered(male);
		female = ordered(female);
	}

	public BigDecimal weight(String sex, String band) {
		return "MALE".equals(sex) ? male.get(band) : female.get(band);
	}

	private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> weights) {
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		PopulationQueries.AGE_BANDS.forEach(band -> result.put(band, weights.get(band)));
		return java.util.Collections.unmodifiableMap(result);
	}
}
