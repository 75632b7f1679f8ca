package org.cocommission.commissioningsupport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics of the provider comparison, pinned to worked examples (docs/domain-rules.md, "Reviews of providers"). */
class ReviewStatisticsTests {

	@Test
	void theMeanOfFiveCcgsScoresHasAStudentTInterval() {
		// Mean 4.0; s = √(2.5 / 4) = 0.7906; t(4) = 2.776; 2.776 × 0.7906 / √5 = 0.981: 3.02 to 4.98.
		ReviewStatistics.Estimate mean = ReviewStatistics.mean(List.of(4.0, 3.5, 4.5, 3.0, 5.0));

		assertThat(mean.value()).hasToString("4.00");
		assertThat(mean.lower()).hasToString("3.02");
		assertThat(mean.upper()).hasToString("4.98");
	}

	@Test
	void theIntervalStaysOnTheScaleAndNeedsTwoScores() {
		ReviewStatistics.Estimate mean = ReviewStatistics.mean(List.of(5.0, 5.0, 5.0, 5.0, 4.0));

		assertThat(mean.upper()).hasToString("5.00");
		assertThat(ReviewStatistics.mean(List.of(4.0))).isNull();
	}

	@Test
	void fourOfFiveSatisfiedHasAWilsonInterval() {
		// p = 0.8, n = 5: Wilson 95% interval 37.6% to 96.4%.
		ReviewStatistics.Estimate share = ReviewStatistics.share(4, 5);

		assertThat(share.value()).hasToString("80.0");
		assertThat(share.lower()).hasToString("37.6");
		assertThat(share.upper()).hasToString("96.4");
		assertThat(ReviewStatistics.share(0, 5).lower()).hasToString("0.0");
	}

	@Test
	void studentsTComesFromTheTableThenTheExpansion() {
		assertThat(ReviewStatistics.t975(4)).isEqualTo(2.776);
		assertThat(ReviewStatistics.t975(30)).isEqualTo(2.042);
		assertThat(ReviewStatistics.t975(40)).isCloseTo(2.021, within(0.001));
		assertThat(ReviewStatistics.t975(60)).isCloseTo(2.000, within(0.001));
		assertThat(ReviewStatistics.t975(120)).isCloseTo(1.980, within(0.001));
	}
}
