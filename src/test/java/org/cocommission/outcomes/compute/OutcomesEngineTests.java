package org.cocommission.outcomes.compute;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.imports.ObservationChecks;
import org.cocommission.outcomes.imports.OrgCodes;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.statistics.Percentiles;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;

/**
 * The pieces of the fast recompute that must agree exactly with the statistics classes: a value computed without its
 * intervals, decile cuts of a partly filled array, and codes found by their bytes.
 */
class OutcomesEngineTests {

	private static Indicator indicator(IndicatorType type, int multiplier, StatisticalMethod method) {
		return new Indicator("T-" + method, "Test", OutcomesDomain.of(1), OutcomesLevel.PRACTICE, type, multiplier,
				Polarity.HIGH_IS_GOOD, "n", "d", false, "test", method, null);
	}

	@Test
	void aPointValueIsExactlyTheValueWithIntervals() {
		Random random = new Random(7);
		Indicator[] indicators = { indicator(IndicatorType.PROPORTION, 100, StatisticalMethod.WILSON),
				indicator(IndicatorType.CRUDE_RATE, 1000, StatisticalMethod.BYAR),
				indicator(IndicatorType.DSR, 100_000, StatisticalMethod.DOBSON) };
		for (int i = 0; i < 10_000; i++) {
			double denominator = random.nextInt(4) == 0 ? 0 : random.nextInt(20_000);
			double numerator = random.nextInt(3) == 0 ? random.nextInt(12) : random.nextInt(25_000);
			for (Indicator indicator : indicators) {
				Double expected = IndicatorValue.of(indicator, numerator, denominator).value();
				double actual = PointValue.of(indicator, numerator, denominator);
				if (expected == null) {
					assertThat(actual).isNaN();
				}
				else {
					assertThat(actual).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void decileCutsOfTheFilledPartAreThoseOfTheHandWorkedMethod() {
		double[] values = { 60, 10, 40, 20, 50, 30, 0, 0 };
		assertThat(SliceFinisher.cuts(values, 6)).containsExactly(15, 20, 25, 30, 35, 40, 45, 50, 55);
		assertThat(SliceFinisher.cuts(new double[] { 1, 2, 3, 4 }, 4)).isNull();
		double[] random = new Random(3).doubles(7_801).toArray();
		assertThat(SliceFinisher.cuts(random.clone(), random.length)).containsExactly(Percentiles.decileCuts(random));
	}

	@Test
	void codesAreFoundByTheirBytesAndNumberedInOrder() {
		OrgCodes codes = new OrgCodes();
		for (int i = 0; i < 5_000; i++) {
			assertThat(codes.index(String.format("P%05d", i))).isEqualTo(i);
		}
		byte[] row = "xxP04321yy".getBytes(StandardCharsets.US_ASCII);
		assertThat(codes.find(row, 2, 6)).isEqualTo(4321);
		assertThat(codes.find(row, 2, 5)).isEqualTo(-1);
		assertThat(codes.code(4321)).isEqualTo("P04321");
		assertThat(codes.index(row, 0, 4)).isEqualTo(5_000);
		assertThat(codes.code(5_000)).isEqualTo("xxP0");
	}

	@Test
	void numbersInMessagesAreWrittenAsPostgreSqlWritesThem() {
		assertThat(ObservationChecks.number(11)).isEqualTo("11");
		assertThat(ObservationChecks.number(10.5)).isEqualTo("10.5");
	}
}
