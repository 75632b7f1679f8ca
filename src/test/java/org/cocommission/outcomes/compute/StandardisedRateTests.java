package org.cocommission.outcomes.compute;

import org.junit.jupiter.api.Test;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Dobson's method over age bands and sexes (issue 16, item 6), pinned to worked examples. */
class StandardisedRateTests {

	private static final Indicator DSR = new Indicator("T-DSR", "Test", OutcomesDomain.of(1), OutcomesLevel.CCG,
			IndicatorType.DSR, 100_000, Polarity.LOW_IS_GOOD, "n", "d", true, "test", StatisticalMethod.DOBSON, null);

	/** The European Standard Population 2013, as migration V40_21 stores it. */
	private static final double[] ESP_2013 = { 5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500,
			6000, 5500, 5000, 4000, 2500, 1500, 1000 };

	@Test
	void theDocumentedWorkedExampleOverFourBands() {
		// docs/domain-rules.md#outcomes: (5, 1000, 2000), (20, 1500, 3000), (60, 1200, 2500), (120, 800, 1500).
		IndicatorValue value = IndicatorValue.standardised(DSR, new double[] { 5, 20, 60, 120 },
				new double[] { 1000, 1500, 1200, 800 }, new double[] { 2000, 3000, 2500, 1500 });
		assertThat(value.value()).isCloseTo(4_444.4444, within(1e-4));
		assertThat(value.ci95().lower()).isCloseTo(3_856.1270, within(1e-4));
		assertThat(value.ci95().upper()).isCloseTo(5_097.0457, within(1e-4));
		assertThat(value.ci998().lower()).isCloseTo(3_545.2939, within(1e-4));
		assertThat(value.ci998().upper()).isCloseTo(5_491.2846, within(1e-4));
	}

	@Test
	void publicHealthEnglandsTestBandsOverTheEuropeanStandardPopulation2013() {
		// The 19-band test data of PHE's DSR function (PHEindicatormethods, phe_dsr: testobs, testpop, esp2013);
		// 4,261 events. Expected figures worked independently from the formula in docs/domain-rules.md.
		double[] population = { 84935, 80367, 72122, 79259, 99806, 87362, 81579, 71103, 70001, 69007, 63203, 52638,
				46087, 40887, 32604, 28399, 21625, 13021, 7355 };
		double[] events = { 27, 45, 55, 100, 125, 300, 295, 270, 275, 450, 455, 459, 345, 300, 270, 265, 100, 90, 35 };
		IndicatorValue value = IndicatorValue.standardised(DSR, events, population, ESP_2013);
		assertThat(value.value()).isCloseTo(464.915651, within(1e-5));
		assertThat(value.ci95().lower()).isCloseTo(450.688309, within(1e-5));
		assertThat(value.ci95().upper()).isCloseTo(479.468934, within(1e-5));
		assertThat(value.ci998().lower()).isCloseTo(442.634564, within(1e-5));
		assertThat(value.ci998().upper()).isCloseTo(487.949975, within(1e-5));
	}

	@Test
	void strataWithNoPopulationAreLeftOutAndFewEventsAreSuppressed() {
		IndicatorValue value = IndicatorValue.standardised(DSR, new double[] { 5, 20, 0 }, new double[] { 1000, 1500, 0 },
				new double[] { 2000, 3000, 2500 });
		assertThat(value.value()).isCloseTo((5.0 * 2000 / 1000 + 20.0 * 3000 / 1500) / 5000 * 100_000, within(1e-9));
		assertThat(IndicatorValue.standardised(DSR, new double[] { 4, 5 }, new double[] { 1000, 1000 },
				new double[] { 1, 1 }).value()).isNull();
	}
}
