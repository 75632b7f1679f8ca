package org.cocommission.outcomes.statistics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;
import org.cocommission.outcomes.ValueRow;

/** The comparison with the peer-group average, pinned to a worked example. */
class PeerAverageTests {

	@Test
	void poolsThePeersAndComparesByTheOrganisationsInterval() {
		// Peers 60/100, 70/100 and 140/200: pooled 270/400 = 67.5% (the mean of their values would be 66.67%).
		List<ValueRow> peers = List.of(proportion("P1", 60, 100), proportion("P2", 70, 100), proportion("P3", 140, 200));
		// 300/400 = 75%; Wilson 95%: (600 + 3.8415 -/+ 1.96 * sqrt(3.8415 + 300)) / (2 * 403.8415) = 70.53% to 78.99%.
		ValueRow organisation = proportion("ORG", 300, 400);
		assertThat(organisation.lower95()).isCloseTo(70.532, within(0.001));
		assertThat(organisation.upper95()).isCloseTo(78.992, within(0.001));

		PeerAverage average = PeerAverage.of(indicator(Polarity.HIGH_IS_GOOD), organisation, peers);
		assertThat(average.value()).isCloseTo(67.5, within(1e-12));
		assertThat(average.lowest()).isCloseTo(60, within(1e-12));
		assertThat(average.highest()).isCloseTo(70, within(1e-12));
		assertThat(average.peers()).isEqualTo(3);
		assertThat(average.comparedToPeers()).isEqualTo(Comparison.BETTER);
		assertThat(PeerAverage.of(indicator(Polarity.LOW_IS_GOOD), organisation, peers).comparedToPeers())
			.isEqualTo(Comparison.WORSE);
		assertThat(PeerAverage.of(indicator(Polarity.NO_JUDGEMENT), organisation, peers).comparedToPeers())
			.isEqualTo(Comparison.HIGHER);
		// 280/400 = 70%, 95% 65.34% to 74.28%, holds 67.5%: similar.
		assertThat(PeerAverage.of(indicator(Polarity.HIGH_IS_GOOD), proportion("ORG", 280, 400), peers).comparedToPeers())
			.isEqualTo(Comparison.SIMILAR);
		// 230/400 = 57.5%, 95% 52.6% to 62.3%, below 67.5%: worse when high is good, lower with no judgement.
		assertThat(PeerAverage.of(indicator(Polarity.HIGH_IS_GOOD), proportion("ORG", 230, 400), peers).comparedToPeers())
			.isEqualTo(Comparison.WORSE);
		assertThat(PeerAverage.of(indicator(Polarity.NO_JUDGEMENT), proportion("ORG", 230, 400), peers).comparedToPeers())
			.isEqualTo(Comparison.LOWER);
	}

	@Test
	void ratesArePooledWithTheIndicatorsMultiplier() {
		Indicator rate = new Indicator("R", "A rate", OutcomesDomain.values()[0], OutcomesLevel.CCG, IndicatorType.CRUDE_RATE,
				100_000, Polarity.LOW_IS_GOOD, "events", "population", true, "test", StatisticalMethod.BYAR, null);
		ValueRow a = new ValueRow("A", "A", null, 30, 100_000, 30.0, 20.2, 42.8, null, null, "SIMILAR", null);
		ValueRow b = new ValueRow("B", "B", null, 50, 150_000, 33.3, 24.7, 43.9, null, null, "SIMILAR", null);
		// 80 events over 250,000 people: 32 per 100,000.
		ValueRow organisation = new ValueRow("O", "O", null, 20, 100_000, 20.0, 12.2, 30.9, null, null, "SIMILAR", null);
		PeerAverage average = PeerAverage.of(rate, organisation, List.of(a, b));
		assertThat(average.value()).isCloseTo(32.0, within(1e-9));
		assertThat(average.comparedToPeers()).isEqualTo(Comparison.BETTER);
	}

	@Test
	void noPeersOrNoIntervalIsNotCompared() {
		ValueRow organisation = proportion("ORG", 300, 400);
		PeerAverage none = PeerAverage.of(indicator(Polarity.HIGH_IS_GOOD), organisation, List.of());
		assertThat(none.value()).isNull();
		assertThat(none.comparedToPeers()).isEqualTo(Comparison.NOT_COMPARED);
		ValueRow suppressed = new ValueRow("S", "S", null, 3, 0, null, null, null, null, null, "NOT_COMPARED", null);
		assertThat(PeerAverage.of(indicator(Polarity.HIGH_IS_GOOD), suppressed, List.of(organisation)).comparedToPeers())
			.isEqualTo(Comparison.NOT_COMPARED);
	}

	private static Indicator indicator(Polarity polarity) {
		return new Indicator("T", "A proportion", OutcomesDomain.values()[0], OutcomesLevel.PRACTICE,
				IndicatorType.PROPORTION, 100, polarity, "numerator", "denominator", false, "test", StatisticalMethod.WILSON,
				null);
	}

	private static ValueRow proportion(String code, double numerator, double denominator) {
		Interval interval = WilsonScore.interval(numerator, denominator, ConfidenceLevel.NINETY_FIVE).times(100);
		return new ValueRow(code, code, null, numerator, denominator, numerator / denominator * 100, interval.lower(),
				interval.upper(), null, null, "SIMILAR", null);
	}
}
