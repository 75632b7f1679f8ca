package org.cocommission.qualitypremium.schemes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.cocommission.platform.FinancialYear;

/**
 * One year's quality premium scheme, as NHS England publishes it: the maximum £ per head of population, the measures
 * whose weights share that maximum (they must add up to 100%), the NHS Constitution standards and the gateways.
 * A scheme is PUBLISHED once results under it are published, and is then never edited (copy it instead).
 */
public record Scheme(FinancialYear year, String name, BigDecimal maxPerHead, String populationBasis,
		ReductionMode reductionMode, Status status, FinancialYear copiedFrom, int version, List<Measure> measures,
		List<Standard> standards, List<Gateway> gateways) {

	public enum Status {
		/** Editable: no published results depend on it. */
		DRAFT,
		/** Results under it are published: it is frozen. */
		PUBLISHED
	}

	public Scheme {
		if (year == null || name == null || name.isBlank()) {
			throw new IllegalArgumentException("A scheme needs a financial year and a name");
		}
		if (maxPerHead == null || maxPerHead.signum() <= 0) {
			throw new IllegalArgumentException("The maximum per head must be more than £0");
		}
		if (reductionMode == null || status == null) {
			throw new IllegalArgumentException("A scheme needs a reduction mode and a status");
		}
		populationBasis = populationBasis == null ? "" : populationBasis;
		measures = List.copyOf(measures);
		standards = List.copyOf(standards);
		gateways = List.copyOf(gateways);
		BigDecimal total = measures.stream().map(Measure::weightPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(Percent.HUNDRED) != 0) {
			throw new IllegalArgumentException("The measure weights add up to " + Percent.format(total)
					+ ": they must add up to 100%");
		}
		if (measures.stream().map(Measure::code).distinct().count() != measures.size()) {
			throw new IllegalArgumentException("Each measure of a scheme needs its own code");
		}
	}

	public Optional<Measure> measure(String code) {
		return measures.stream().filter(m -> m.code().equals(code)).findFirst();
	}

	public List<Measure> localMeasures() {
		return measures.stream().filter(m -> m.kind() == Measure.Kind.LOCAL).toList();
	}

	public boolean isEditable() {
		return status == Status.DRAFT;
	}

	/** The % of the maximum that the local measures are worth together (37.5% in 2013/14). */
	public BigDecimal localShare() {
		return localMeasures().stream().map(Measure::weightPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
