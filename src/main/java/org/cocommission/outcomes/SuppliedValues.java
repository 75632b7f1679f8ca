package org.cocommission.outcomes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cocommission.outcomes.imports.Period;

/**
 * Every practice's numerator and denominator of a supplied indicator in one period ({@code YYYY-MM}, {@code YYYY-Qn}
 * or {@code YYYY/YY}): the whole slice, which replaces what was supplied for that indicator and period before. A
 * practice whose figure is withheld is left out, so it has no value; never supply it as zero.
 */
public record SuppliedValues(String indicatorId, String period, List<Practice> practices) {

	public SuppliedValues {
		Period.parse(period);
		practices = List.copyOf(practices);
		Set<String> seen = new HashSet<>();
		for (Practice practice : practices) {
			if (!seen.add(practice.code())) {
				throw new IllegalArgumentException(indicatorId + " " + period + " has practice " + practice.code()
						+ " twice");
			}
		}
	}

	/** One practice's figures: counts, FTE or patients, never negative. */
	public record Practice(String code, double numerator, double denominator) {

		public Practice {
			if (code == null || code.isBlank() || !(numerator >= 0) || !(denominator >= 0) || Double.isInfinite(numerator)
					|| Double.isInfinite(denominator)) {
				throw new IllegalArgumentException("A supplied value needs a practice code and a numerator and"
						+ " denominator of zero or more, not " + code + " " + numerator + "/" + denominator);
			}
		}
	}
}
