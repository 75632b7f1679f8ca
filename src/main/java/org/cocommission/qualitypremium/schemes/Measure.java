package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.util.List;

/**
 * A measure of a scheme: its weight (% of the maximum award, or for a part of a composite, % of its parent), the
 * rule that judges it and the kind of number its value is ({@code domain}; none for a composite, whose parts have
 * values). Local measures are slots that each CCG fills with a measure agreed with its area team.
 */
public record Measure(String code, String name, Kind kind, BigDecimal weightPercent, MeasureRule rule,
		BigDecimal target, String baselinePeriod, List<Measure> parts, ValueDomain domain) {

	/** A measure whose value is of the kind its rule implies (see {@link ValueDomain#defaultFor}). */
	public Measure(String code, String name, Kind kind, BigDecimal weightPercent, MeasureRule rule, BigDecimal target,
			String baselinePeriod, List<Measure> parts) {
		this(code, name, kind, weightPercent, rule, target, baselinePeriod, parts, null);
	}

	public enum Kind {
		NATIONAL("National"), LOCAL("Local, agreed with the area team");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Measure {
		if (code == null || !code.matches("[A-Z0-9_]{1,20}")) {
			throw new IllegalArgumentException("A measure code is 1 to 20 capital letters, digits or underscores: " + code);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Measure " + code + " needs a name");
		}
		if (kind == null || rule == null) {
			throw new IllegalArgumentException("Measure " + code + " needs a kind and a rule");
		}
		if (weightPercent == null || weightPercent.signum() <= 0 || weightPercent.compareTo(Percent.HUNDRED) > 0) {
			throw new IllegalArgumentException("Measure " + code + " needs a weight above 0% and at most 100%");
		}
		parts = parts == null ? List.of() : List.copyOf(parts);
		if (rule == MeasureRule.COMPOSITE) {
			if (parts.size() < 2) {
				throw new IllegalArgumentException("Composite measure " + code + " needs at least two parts");
			}
			BigDecimal shares = parts.stream().map(Measure::weightPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (shares.compareTo(Percent.HUNDRED) != 0) {
				throw new IllegalArgumentException("The parts of " + code + " add up to " + Percent.format(shares)
						+ ", not 100%");
			}
		}
		else if (!parts.isEmpty()) {
			throw new IllegalArgumentException("Only a composite measure has parts: " + code);
		}
		if ((rule == MeasureRule.REDUCTION || rule == MeasureRule.MINIMUM) && target == null) {
			throw new IllegalArgumentException("Measure " + code + " needs a target");
		}
		// Runs stored before measures declared their domain read back with the default.
		domain = rule == MeasureRule.COMPOSITE ? null : domain == null ? ValueDomain.defaultFor(rule) : domain;
		if ((rule == MeasureRule.CONDITION) != (domain == ValueDomain.CONDITION)) {
			throw new IllegalArgumentException("Measure " + code + ": a condition, and only a condition, has 1 or 0 values");
		}
		if (target != null && domain != null && rule != MeasureRule.REDUCTION && !domain.accepts(target)) {
			throw new IllegalArgumentException("The target of " + code + " must be " + domain.description());
		}
		if (rule == MeasureRule.REDUCTION && (baselinePeriod == null || baselinePeriod.isBlank())) {
			throw new IllegalArgumentException("Measure " + code + " needs a baseline period");
		}
	}
}
