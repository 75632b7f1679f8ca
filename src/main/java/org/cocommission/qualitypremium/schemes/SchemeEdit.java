package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A change to a draft scheme: the maximum per head, how reductions combine, each measure's weight and target, and each
 * standard's threshold and reduction. Codes not given keep their value. {@code version} is the one the editor read.
 */
public record SchemeEdit(int version, BigDecimal maxPerHead, ReductionMode reductionMode,
		Map<String, BigDecimal> measureWeights, Map<String, BigDecimal> measureTargets,
		Map<String, BigDecimal> standardThresholds, Map<String, BigDecimal> standardReductions) {

	public SchemeEdit {
		measureWeights = measureWeights == null ? Map.of() : Map.copyOf(measureWeights);
		measureTargets = measureTargets == null ? Map.of() : Map.copyOf(measureTargets);
		standardThresholds = standardThresholds == null ? Map.of() : Map.copyOf(standardThresholds);
		standardReductions = standardReductions == null ? Map.of() : Map.copyOf(standardReductions);
	}
}
