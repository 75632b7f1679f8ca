package org.cocommission.finance.globalsum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.PopulationQueries.PracticePopulation;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.formulas.WeightedCapitation;
import org.cocommission.platform.Money;

/**
 * The GP practice global sum (Carr-Hill formula; docs/domain-rules.md#finance): a practice's weighted list = its
 * registered list weighted by the age/sex workload curve, x additional needs x list turnover x staff market forces
 * factor x rurality, plus extra weight for nursing and residential home patients; scaled so England's weighted list
 * equals its registered list; paid quarterly at a price per weighted patient a year. Coefficients are formula data.
 */
public final class GlobalSum {

	/** A practice's component indices; 1 is the England average. Without published inputs every practice is average. */
	public record PracticeFactors(BigDecimal additionalNeeds, BigDecimal listTurnover, BigDecimal marketForcesFactor,
			BigDecimal rurality, long nursingHomePatients) {

		static final PracticeFactors AVERAGE = new PracticeFactors(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
				BigDecimal.ONE, 0);
	}

	public record PracticePayment(String practiceCode, String practiceName, String ccgCode, long registeredList,
			BigDecimal weightedList, Money annual, Money quarterly) {
	}

	/** Default coefficient names and values; a formula stores its own, starting from these. */
	public static final class Coefficients {

		public static final String PRICE = "price_per_weighted_patient";

		public static final String NURSING_HOME = "nursing_home_extra_weight";

		private Coefficients() {
		}

		public static Map<String, BigDecimal> defaults() {
			Map<String, BigDecimal> values = new LinkedHashMap<>();
			// 2014/15 global sum price per weighted patient (GMS contract 2014/15).
			values.put(PRICE, new BigDecimal("73.56"));
			values.put(NURSING_HOME, new BigDecimal("0.43"));
			// An illustrative Carr-Hill-shaped workload curve: high for infants and the old, lowest in young adults.
			double[] male = { 1.8, 0.9, 0.8, 0.7, 0.6, 0.6, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.3, 1.5, 1.8, 2.1, 2.4, 2.6, 2.7 };
			double[] female = { 1.7, 0.9, 0.8, 1.0, 1.2, 1.3, 1.3, 1.2, 1.1, 1.1, 1.2, 1.3, 1.4, 1.6, 1.9, 2.2, 2.5, 2.7, 2.8 };
			for (int i = 0; i < PopulationQueries.AGE_BANDS.size(); i++) {
				values.put(workload("MALE", PopulationQueries.AGE_BANDS.get(i)), BigDecimal.valueOf(male[i]));
				values.put(workload("FEMALE", PopulationQueries.AGE_BANDS.get(i)), BigDecimal.valueOf(female[i]));
			}
			return values;
		}

		public static Map<String, BigDecimal> withDefaults(Map<String, BigDecimal> given) {
			Map<String, BigDecimal> values = defaults();
			given.forEach((name, value) -> {
				if (!values.containsKey(name)) {
					throw new IllegalArgumentException("'" + name + "' is not a global sum coefficient");
				}
				if (value == null || value.signum() < 0) {
					throw new IllegalArgumentException("The global sum coefficient " + name + " must be 0 or more");
				}
				values.put(name, value);
			});
			return java.util.Collections.unmodifiableMap(values);
		}

		public static String workload(String sex, String band) {
			return "workload_" + sex.toLowerCase() + "_" + band;
		}
	}

	private GlobalSum() {
	}

	/** Payments for {@code shown} practices, weighted against every practice in {@code england}. */
	public static List<PracticePayment> payments(List<PracticePopulation> england, List<PracticePopulation> shown,
			Map<String, BigDecimal> coefficients, Map<String, PracticeFactors> factors) {
		BigDecimal scale = scale(england, coefficients, factors);
		return scale == null ? List.of() : payments(shown, scale, coefficients, factors);
	}

	/**
	 * England's registered list over its unscaled weighted list: what scales every practice's weighted list so that
	 * England's adds up to its registered list; null when England has no weighted list.
	 */
	static BigDecimal scale(List<PracticePopulation> england, Map<String, BigDecimal> coefficients,
			Map<String, PracticeFactors> factors) {
		long englandRaw = 0;
		BigDecimal englandWeighted = BigDecimal.ZERO;
		for (PracticePopulation practice : england) {
			englandRaw += practice.total();
			englandWeighted = englandWeighted.add(unscaled(practice, coefficients, factors));
		}
		if (englandWeighted.signum() == 0) {
			return null;
		}
		return BigDecimal.valueOf(englandRaw).divide(englandWeighted, WeightedCapitation.PRECISION);
	}

	/** Payments for {@code shown} practices at England's {@code scale}. */
	public static List<PracticePayment> payments(List<PracticePopulation> shown, BigDecimal scale,
			Map<String, BigDecimal> coefficients, Map<String, PracticeFactors> factors) {
		BigDecimal price = coefficients.get(Coefficients.PRICE);
		List<PracticePayment> payments = new ArrayList<>();
		for (PracticePopulation practice : shown) {
			BigDecimal weighted = unscaled(practice, coefficients, factors).multiply(scale, WeightedCapitation.PRECISION);
			Money annual = new Money(weighted.multiply(price).setScale(2, RoundingMode.HALF_UP));
			Money quarterly = new Money(annual.pounds().divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP));
			payments.add(new PracticePayment(practice.practiceCode(), practice.practiceName(), practice.ccgCode(),
					practice.total(), weighted.setScale(2, RoundingMode.HALF_UP), annual, quarterly));
		}
		return payments;
	}

	private static BigDecimal unscaled(PracticePopulation practice, Map<String, BigDecimal> coefficients,
			Map<String, PracticeFactors> factors) {
		BigDecimal workload = BigDecimal.ZERO;
		for (String band : PopulationQueries.AGE_BANDS) {
			workload = workload.add(BigDecimal.valueOf(practice.counts().male().getOrDefault(band, 0L))
				.multiply(coefficients.get(Coefficients.workload("MALE", band))));
			workload = workload.add(BigDecimal.valueOf(practice.counts().female().getOrDefault(band, 0L))
				.multiply(coefficients.get(Coefficients.workload("FEMALE", band))));
		}
		PracticeFactors factor = factors.getOrDefault(practice.practiceCode(), PracticeFactors.AVERAGE);
		return workload.multiply(factor.additionalNeeds())
			.multiply(factor.listTurnover())
			.multiply(factor.marketForcesFactor())
			.multiply(factor.rurality())
			.add(BigDecimal.valueOf(factor.nursingHomePatients()).multiply(coefficients.get(Coefficients.NURSING_HOME)));
	}
}
