package org.cocommission.authorisation.survey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Wilson 95% intervals on the share of stakeholders agreeing, pinned to worked examples. */
class WilsonIntervalTests {

	@Test
	void thirtyOfFortyAgreeingIsSeventyFivePercentFrom59Point8To85Point8() {
		WilsonInterval interval = WilsonInterval.of(30, 40);

		assertThat(interval.lower()).isCloseTo(0.59806, within(0.00001));
		assertThat(interval.upper()).isCloseTo(0.85813, within(0.00001));
	}

	@Test
	void noneOfFiveAgreeingStartsAtZeroAndIsNotAPoint() {
		WilsonInterval interval = WilsonInterval.of(0, 5);

		assertThat(interval.lower()).isZero();
		assertThat(interval.upper()).isCloseTo(0.43448, within(0.00001));
	}

	@Test
	void refusesMoreAgreeingThanResponses() {
		assertThatThrownBy(() -> WilsonInterval.of(6, 5)).isInstanceOf(IllegalArgumentException.class);
	}
}
