package org.cocommission.contracts.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.contracts.PaymentRow;

/**
 * The benchmarking rules (docs/domain-rules.md, GP contracts, "Benchmarking"): deciles of practices' payments per
 * weighted patient by nearest rank, and the PMS premium, PMS payments per weighted patient above GMS's, in pounds a
 * weighted patient and in total over the PMS practices' weighted patients.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	/** The 1st to 9th decile of sorted values by nearest rank: the value at rank ceil(k/10 x n). Empty with no values. */
	public static List<BigDecimal> deciles(List<BigDecimal> sorted) {
		List<BigDecimal> deciles = new ArrayList<>();
		int n = sorted.size();
		if (n == 0) {
			return deciles;
		}
		for (int k = 1; k <= 9; k++) {
			int rank = (int) Math.ceil(k * n / 10.0);
			deciles.add(sorted.get(Math.max(rank, 1) - 1).setScale(2, RoundingMode.HALF_UP));
		}
		return deciles;
	}

	/**
	 * Which tenth (1 the lowest, 10 the highest) a value falls in, given the 1st to 9th deciles: one more than the
	 * deciles below it, so a value equal to the k-th decile is in the k-th tenth. Null without deciles or value.
	 */
	public static Integer tenthOf(List<BigDecimal> deciles, BigDecimal value) {
		if (deciles == null || deciles.isEmpty() || value == null) {
			return null;
		}
		return 1 + (int) deciles.stream().filter(decile -> decile.compareTo(value) < 0).count();
	}

	/** Deciles per contract type of practices' payments per weighted patient (rates sorted ascending). */
	public static Map<String, List<BigDecimal>> decilesByType(List<PaymentsStore.PracticeRate> sortedRates) {
		Map<String, List<BigDecimal>> values = new LinkedHashMap<>();
		for (PaymentsStore.PracticeRate rate : sortedRates) {
			values.computeIfAbsent(rate.contractType(), type -> new ArrayList<>()).add(rate.perWeightedPatient());
		}
		Map<String, List<BigDecimal>> deciles = new LinkedHashMap<>();
		values.forEach((type, list) -> deciles.put(type, deciles(list)));
		return deciles;
	}

	/**
	 * The PMS premium from England's totals by type: PMS per weighted patient minus GMS per weighted patient, and that
	 * difference over the PMS weighted patients; null where either type is missing.
	 */
	public static PmsPremium pmsPremium(List<PaymentRow> englandByType) {
		PaymentRow gms = find(englandByType, "GMS");
		PaymentRow pms = find(englandByType, "PMS");
		if (gms == null || pms == null || gms.perWeightedPatient() == null || pms.perWeightedPatient() == null) {
			return null;
		}
		BigDecimal perPatient = pms.perWeightedPatient().subtract(gms.perWeightedPatient());
		return new PmsPremium(gms.perWeightedPatient(), pms.perWeightedPatient(), perPatient,
				perPatient.multiply(pms.weightedPatients()).setScale(0, RoundingMode.HALF_UP));
	}

	public record PmsPremium(BigDecimal gmsPerWeightedPatient, BigDecimal pmsPerWeightedPatient,
			BigDecimal premiumPerWeightedPatient, BigDecimal totalPremium) {
	}

	private static PaymentRow find(List<PaymentRow> rows, String type) {
		return rows.stream().filter(row -> type.equals(row.contractType())).findFirst().orElse(null);
	}
}
