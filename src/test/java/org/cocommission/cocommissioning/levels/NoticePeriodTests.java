package org.cocommission.cocommissioning.levels;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A CCG may end delegation by notice by 30 September, effective the next 1 April"
 * (docs/domain-rules.md#co-commissioning).
 */
class NoticePeriodTests {

	@ParameterizedTest(name = "notice on {0} ends delegation on {1}")
	@CsvSource({ "2015-09-30, 2016-04-01", "2015-10-01, 2017-04-01", "2016-04-01, 2017-04-01", "2016-03-31, 2017-04-01",
			"2015-01-01, 2016-04-01", "2015-12-31, 2017-04-01" })
	void noticeByThirtySeptemberTakesEffectTheNextFirstOfApril(LocalDate givenOn, LocalDate effectiveOn) {
		assertThat(NoticePeriod.effectiveOn(givenOn)).isEqualTo(effectiveOn);
	}
}
