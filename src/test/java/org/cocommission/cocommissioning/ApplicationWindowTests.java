package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline edge in England's time, including British Summer Time, and a window re-opened for one CCG. */
class ApplicationWindowTests {

	/**
	 * Delegated applications were due on 9 January 2015 (docs/domain-rules.md#co-commissioning); noon in London, GMT.
	 */
	private static final Instant WINTER_DEADLINE = LocalDateTime.of(2015, 1, 9, 12, 0).atZone(Round.LONDON).toInstant();

	@Test
	void isOpenOneSecondBeforeTheDeadlineAndAtItButNotOneSecondAfter() {
		ApplicationWindow window = new ApplicationWindow(WINTER_DEADLINE, null);
		assertThat(window.isOpenAt(WINTER_DEADLINE.minusSeconds(1))).isTrue();
		assertThat(window.isOpenAt(WINTER_DEADLINE)).isTrue();
		assertThat(window.isOpenAt(WINTER_DEADLINE.plusSeconds(1))).isFalse();
		assertThat(WINTER_DEADLINE).isEqualTo(Instant.parse("2015-01-09T12:00:00Z"));
	}

	@Test
	void aSummerDeadlineIsAnHourEarlierInUtc() {
		// Expressions of interest were due on 20 June 2014: 17:00 in London is 16:00 UTC under British Summer Time.
		Instant deadline = LocalDateTime.of(2014, 6, 20, 17, 0).atZone(Round.LONDON).toInstant();
		ApplicationWindow window = new ApplicationWindow(deadline, null);
		assertThat(deadline).isEqualTo(Instant.parse("2014-06-20T16:00:00Z"));
		assertThat(window.isOpenAt(Instant.parse("2014-06-20T15:59:59Z"))).isTrue();
		assertThat(window.isOpenAt(Instant.parse("2014-06-20T16:00:01Z"))).isFalse();
	}

	@Test
	void aReopenedWindowClosesLaterButNeverEarlier() {
		Instant later = WINTER_DEADLINE.plusSeconds(7 * 24 * 3600);
		assertThat(new ApplicationWindow(WINTER_DEADLINE, later).isOpenAt(later.minusSeconds(1))).isTrue();
		assertThat(new ApplicationWindow(WINTER_DEADLINE, later).isOpenAt(later.plusSeconds(1))).isFalse();
		assertThat(new ApplicationWindow(WINTER_DEADLINE, WINTER_DEADLINE.minusSeconds(60)).closesAt())
			.isEqualTo(WINTER_DEADLINE);
	}
}
