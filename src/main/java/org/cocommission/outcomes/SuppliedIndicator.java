package org.cocommission.outcomes;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An indicator another module defines and supplies the values of ({@link SuppliedIndicators}): observed for practices,
 * added up to CCGs, ICBs and England as outcomes adds its own, with Wilson intervals for a proportion and Byar's for a
 * rate or ratio (docs/domain-rules.md#measures-as-outcomes-indicators).
 */
public record SuppliedIndicator(String id, String name, OutcomesDomain domain, IndicatorType type, int multiplier,
		Polarity polarity, String numeratorDefinition, String denominatorDefinition, String source) {

	private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9-]{1,39}");

	private static final Set<Integer> MULTIPLIERS = Set.of(1, 100, 1_000, 10_000, 100_000);

	public SuppliedIndicator {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A supplied indicator's id is 2 to 40 capitals, digits and hyphens");
		}
		if (name == null || name.isBlank() || name.length() > 200 || source == null || source.isBlank()
				|| source.length() > 200 || numeratorDefinition == null || denominatorDefinition == null) {
			throw new IllegalArgumentException("Indicator " + id + " needs a name and a source of up to 200 characters,"
					+ " and its numerator and denominator defined");
		}
		if (domain == null || type == null || type == IndicatorType.DSR || polarity == null) {
			throw new IllegalArgumentException("Indicator " + id + " needs a domain, a polarity and a type: a"
					+ " proportion or a crude rate (standardised rates need age bands, which are imported)");
		}
		if (!MULTIPLIERS.contains(multiplier) || (type == IndicatorType.PROPORTION) != (multiplier == 100)) {
			throw new IllegalArgumentException("Indicator " + id + ": a proportion is per 100, a rate per 1, 100, 1,000,"
					+ " 10,000 or 100,000");
		}
	}

	/** The definition as outcomes keeps it. */
	public Indicator indicator() {
		return new Indicator(id, name, domain, OutcomesLevel.PRACTICE, type, multiplier, polarity, numeratorDefinition,
				denominatorDefinition, false, source,
				type == IndicatorType.PROPORTION ? StatisticalMethod.WILSON : StatisticalMethod.BYAR, null);
	}
}
