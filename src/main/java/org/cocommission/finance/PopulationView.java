package org.cocommission.finance;

import java.util.List;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/**
 * Spend per head for a CCG's registered population on primary care, local hospital (core CCG) services and
 * specialised services, against England and its peer CCGs (the CCGs of most similar weighted population per head).
 */
public record PopulationView(String ccgCode, String ccgName, FinancialYear year, List<Line> lines, List<String> peers) {

	/** One service; a null amount means no published run covers it. */
	public record Line(String service, Money ccgPerHead, Money englandPerHead, Money peersPerHead) {
	}
}
