package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A service level agreed for a CCG's purchase of a service, its target and what was achieved each quarter. */
public record ServiceLevelView(long id, String ccgCode, SupportService service, SupportProvider provider, String name,
		BigDecimal targetPercent, List<QuarterActual> actuals) {

	/** What was achieved in the quarter starting on {@code quarterStart}, and whether it met the target. */
	public record QuarterActual(LocalDate quarterStart, BigDecimal actualPercent, boolean met) {
	}
}
