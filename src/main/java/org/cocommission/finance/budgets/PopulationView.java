package org.cocommission.finance.budgets;

import java.math.BigDecimal;
import java.util.List;

import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/**
 * Spend per head for a CCG's registered population on primary care, local hospital (core CCG) services and
 * specialised services, against England and its peer CCGs ({@code peerDefinition} says how they were chosen).
 */
public record PopulationView(String ccgCode, String ccgName, FinancialYear year, List<Line> lines, Peer self,
		List<Peer> peers, String peerDefinition) {

	/** One service; a null amount means no published run covers it. */
	public record Line(String service, Money ccgPerHead, Money englandPerHead, Money peersPerHead) {
	}

	/** A CCG and the measures peers are chosen on: need index and % of patients aged 65 and over. */
	public record Peer(String ccgCode, String ccgName, BigDecimal needIndex, BigDecimal percentAged65Plus) {

		static Peer of(CcgResult result) {
			return new Peer(result.ccgCode(), result.ccgName(), result.needIndex(), result.percentAged65Plus());
		}
	}
}
