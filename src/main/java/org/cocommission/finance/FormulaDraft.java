package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.Map;

import org.cocommission.finance.globalsum.GlobalSum;
import org.cocommission.platform.FinancialYear;

/**
 * What a national user sets on a draft formula: its name, effective financial year, the inequalities adjustment
 * shares (fractions: 0.10 for CCG allocations and 0.15 for primary care from 2014/15), the age/sex cost curve and the
 * global sum coefficients.
 */
public record FormulaDraft(String name, FinancialYear effectiveYear, BigDecimal inequalitiesShareCcg,
		BigDecimal inequalitiesSharePrimaryCare, CostCurve costCurve, Map<String, BigDecimal> globalSum) {

	public FormulaDraft {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A formula needs a name");
		}
		if (effectiveYear == null) {
			throw new IllegalArgumentException("A formula needs the financial year it takes effect");
		}
		if (costCurve == null) {
			throw new IllegalArgumentException("A formula needs an age/sex cost curve");
		}
		for (BigDecimal share : new BigDecimal[] { inequalitiesShareCcg, inequalitiesSharePrimaryCare }) {
			if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException("An inequalities adjustment share must be between 0% and 100%");
			}
		}
		globalSum = GlobalSum.Coefficients.withDefaults(globalSum == null ? Map.of() : globalSum);
	}
}
