package org.cocommission.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cocommission.platform.FinancialYear;

/** A formula version as pages and the API show it. */
public record FormulaView(long id, String name, FinancialYear effectiveYear, FormulaStatus status,
		BigDecimal inequalitiesShareCcg, BigDecimal inequalitiesSharePrimaryCare, CostCurve costCurve,
		List<CcgFactor> ccgFactors, Map<String, BigDecimal> globalSum, String createdBy, Instant createdAt,
		String publishedBy, Instant publishedAt, int version) {

	public boolean editable() {
		return status == FormulaStatus.DRAFT;
	}

	public BigDecimal inequalitiesShare(Programme programme) {
		return programme == Programme.PRIMARY_CARE_MEDICAL ? inequalitiesSharePrimaryCare : inequalitiesShareCcg;
	}
}
