package org.cocommission.commissioningsupport;

import java.time.LocalDate;
import java.util.List;

import org.cocommission.platform.Money;

/**
 * A CCG's arrangement for one service: made, bought (from {@code provider}) or shared (with {@code sharedWith}), with
 * its annual value and the end date of its contract or agreement, where known.
 */
public record Arrangement(String ccgCode, SupportService service, ArrangementMode mode, SupportProvider provider,
		List<String> sharedWith, Money annualValue, LocalDate endDate) {

	public Arrangement {
		sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
	}
}
