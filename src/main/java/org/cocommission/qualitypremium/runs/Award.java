package org.cocommission.qualitypremium.runs;

import java.math.BigDecimal;
import java.util.List;

import org.cocommission.platform.Money;
import org.cocommission.qualitypremium.schemes.Percent;

/**
 * A CCG's quality premium: the maximum, what its measures earned, the reduction for missed standards, the final
 * award and its % of the maximum, with every step written out so a finance lead can redo it by hand.
 */
public record Award(String ccgCode, long population, Money maximum, Money earned, Money reduction, Money finalAward,
		BigDecimal percentOfMaximum, boolean gatewaysPassed, int standardsMissed, List<MeasureOutcome> measures,
		List<StandardOutcome> standards, List<GatewayOutcome> gateways, List<Line> explanation,
		List<String> notAssessed) {

	public Award {
		notAssessed = notAssessed == null ? List.of() : List.copyOf(notAssessed);
		measures = List.copyOf(measures);
		standards = List.copyOf(standards);
		gateways = List.copyOf(gateways);
		explanation = List.copyOf(explanation);
	}

	/** One measure: the share of its worth achieved (0 to 1; composites can be part achieved) and why. */
	public record MeasureOutcome(String code, String name, BigDecimal weightPercent, Money worth,
			BigDecimal achievedFraction, Money earned, String reason) {

		public boolean achieved() {
			return achievedFraction.signum() > 0;
		}
	}

	/**
	 * Whether every measure, standard and gateway could be assessed from the data; when not, {@link #notAssessed()}
	 * names what was missing (docs/domain-rules.md#quality-premium).
	 */
	public boolean complete() {
		return notAssessed.isEmpty();
	}

	/**
	 * One standard: the CCG's % achieved (null when no data was loaded: not assessed, so it neither meets nor misses)
	 * and whether it was met.
	 */
	public record StandardOutcome(String code, String name, BigDecimal thresholdPercent, BigDecimal achievedPercent,
			boolean met, BigDecimal reductionPercent) {

		public boolean assessed() {
			return achievedPercent != null || met;
		}

		/** Met, Missed: -25%, or Not assessed: no data. */
		public String outcome() {
			return met ? "Met" : achievedPercent == null ? "Not assessed: no data"
					: "Missed: -" + Percent.format(reductionPercent);
		}
	}

	/** One gateway: passed, failed, or null when no data was loaded (not assessed, and no award can be paid). */
	public record GatewayOutcome(String code, String name, Boolean passed) {

		public String outcome() {
			return passed == null ? "Not assessed: no data, no award" : passed ? "Passed" : "Failed: no award";
		}
	}

	/** One step of the explanation: what it is, the arithmetic, and the amount it gives. */
	public record Line(String step, String working, String amount) {
	}
}
