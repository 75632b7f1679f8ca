package org.cocommission.contracts.cases;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.cocommission.contracts.CaseKind;
import org.cocommission.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each clock on worked dates; weekends do not stop them. */
class StatutoryClocksTests {

	@Test
	void aListClosureReceivedOnAFridayIsAcknowledgedByTheNextFridayAndDecidedThreeWeeksOn() {
		LocalDate received = LocalDate.of(2015, 10, 2); // a Friday

		assertThat(StatutoryClocks.acknowledgeBy(CaseKind.LIST_CLOSURE, received)).contains(LocalDate.of(2015, 10, 9));
		assertThat(StatutoryClocks.decideBy(CaseKind.LIST_CLOSURE, received, null, null, null))
			.contains(LocalDate.of(2015, 10, 23));
	}

	@Test
	void aClockThatEndsOnASaturdayIsNotMovedToTheMonday() {
		LocalDate received = LocalDate.of(2015, 10, 3); // a Saturday

		assertThat(StatutoryClocks.acknowledgeBy(CaseKind.LIST_CLOSURE, received)).contains(LocalDate.of(2015, 10, 10));
	}

	@Test
	void onlyAListClosureHasAnAcknowledgementClock() {
		assertThat(StatutoryClocks.acknowledgeBy(CaseKind.MERGER, LocalDate.of(2015, 10, 2))).isEmpty();
	}

	@Test
	void aListClosureLastsThreeToTwelveMonths() {
		LocalDate from = LocalDate.of(2015, 11, 1);

		StatutoryClocks.checkClosurePeriod(from, LocalDate.of(2016, 1, 31));
		StatutoryClocks.checkClosurePeriod(from, LocalDate.of(2016, 10, 31));
		assertThatThrownBy(() -> StatutoryClocks.checkClosurePeriod(from, LocalDate.of(2016, 1, 30)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("A list closure lasts from 3 to 12 months");
		assertThatThrownBy(() -> StatutoryClocks.checkClosurePeriod(from, LocalDate.of(2016, 11, 1)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void afterARefusalTheNextApplicationWaitsThreeMonths() {
		assertThat(StatutoryClocks.nextApplicationFrom(LocalDate.of(2015, 10, 23))).isEqualTo(LocalDate.of(2016, 1, 23));
		assertThat(StatutoryClocks.nextApplicationFrom(LocalDate.of(2015, 11, 30))).isEqualTo(LocalDate.of(2016, 2, 29));
	}

	@Test
	void anExtensionIsAskedForEightWeeksBeforeTheClosureEnds() {
		assertThat(StatutoryClocks.askExtensionBy(LocalDate.of(2016, 4, 30))).isEqualTo(LocalDate.of(2016, 3, 5));
	}

	@Test
	void aRemedialNoticeGivesAtLeast28Days() {
		assertThat(StatutoryClocks.earliestRemedy(LocalDate.of(2015, 6, 1))).isEqualTo(LocalDate.of(2015, 6, 29));
		assertThat(StatutoryClocks.decideBy(CaseKind.REMEDIAL_NOTICE, LocalDate.of(2015, 6, 1), null,
				LocalDate.of(2015, 7, 1), null)).contains(LocalDate.of(2015, 7, 1));
	}

	@Test
	void aMergerIsDecidedByItsEffectiveDateAndAnApmsExpiryByTheContractEnd() {
		LocalDate received = LocalDate.of(2015, 6, 1);
		assertThat(StatutoryClocks.decideBy(CaseKind.MERGER, received, LocalDate.of(2015, 10, 1), null, null))
			.contains(LocalDate.of(2015, 10, 1));
		assertThat(StatutoryClocks.decideBy(CaseKind.APMS_EXPIRY, received, null, null, LocalDate.of(2016, 3, 31)))
			.contains(LocalDate.of(2016, 3, 31));
	}

	@Test
	void anApmsContractIsFlaggedWithinTwelveMonthsOfItsEnd() {
		LocalDate today = LocalDate.of(2015, 4, 1);

		assertThat(StatutoryClocks.apmsExpiring(LocalDate.of(2016, 4, 1), today)).isTrue();
		assertThat(StatutoryClocks.apmsExpiring(LocalDate.of(2016, 4, 2), today)).isFalse();
		assertThat(StatutoryClocks.apmsExpiring(LocalDate.of(2015, 3, 31), today)).isFalse();
		assertThat(StatutoryClocks.apmsExpiring(null, today)).isFalse();
	}
}
