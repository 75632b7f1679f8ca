package org.cocommission.contracts.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.cocommission.contracts.PaymentRow;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarksTests {

	@Test
	void decilesAreTheNearestRankOfTheSortedValues() {
		// 1..20: the k-th decile is the value at rank ceil(2k), so 2, 4, ..., 18
		List<BigDecimal> values = IntStream.rangeClosed(1, 20).mapToObj(BigDecimal::valueOf).toList();

		assertThat(Benchmarks.deciles(values)).extracting(BigDecimal::intValue)
			.containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18);
		assertThat(Benchmarks.deciles(List.of(new BigDecimal("7.5")))).hasSize(9)
			.allMatch(value -> value.compareTo(new BigDecimal("7.50")) == 0);
		assertThat(Benchmarks.deciles(List.of())).isEmpty();
	}

	@Test
	void aValueIsInTheTenthAboveTheDecilesBelowIt() {
		// 1..20: deciles 2, 4, ..., 18; 2 is in the 1st tenth, 3 in the 2nd, 18 in the 9th, 19 and 20 in the 10th
		List<BigDecimal> deciles = Benchmarks
			.deciles(IntStream.rangeClosed(1, 20).mapToObj(BigDecimal::valueOf).toList());

		assertThat(Benchmarks.tenthOf(deciles, BigDecimal.ONE)).isEqualTo(1);
		assertThat(Benchmarks.tenthOf(deciles, BigDecimal.valueOf(2))).isEqualTo(1);
		assertThat(Benchmarks.tenthOf(deciles, BigDecimal.valueOf(3))).isEqualTo(2);
		assertThat(Benchmarks.tenthOf(deciles, BigDecimal.valueOf(18))).isEqualTo(9);
		assertThat(Benchmarks.tenthOf(deciles, BigDecimal.valueOf(20))).isEqualTo(10);
		assertThat(Benchmarks.tenthOf(List.of(), BigDecimal.ONE)).isNull();
	}

	@Test
	void thePmsPremiumIsPmsAboveGmsPerWeightedPatientOverThePmsWeightedPatients() {
		// GMS £100.00, PMS £113.52 per weighted patient: £13.52 more, over 1,000,000 PMS weighted patients
		var gms = row("GMS", "2000000", "200000000");
		var pms = row("PMS", "1000000", "113520000");

		var premium = Benchmarks.pmsPremium(List.of(gms, pms));

		assertThat(premium.premiumPerWeightedPatient()).isEqualByComparingTo("13.52");
		assertThat(premium.totalPremium()).isEqualByComparingTo("13520000");
		assertThat(Benchmarks.pmsPremium(List.of(gms))).isNull();
	}

	private static PaymentRow row(String type, String weighted, String total) {
		BigDecimal w = new BigDecimal(weighted);
		BigDecimal t = new BigDecimal(total);
		return new PaymentRow("ENG", "England", type, 1, w, w, t, PaymentsStore.per(t, w), PaymentsStore.per(t, w));
	}
}
