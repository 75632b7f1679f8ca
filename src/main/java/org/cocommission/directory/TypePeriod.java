package org.cocommission.directory;

import java.time.LocalDate;

/** What an organisation was from {@code validFrom} to {@code validTo} (the last day; null while it lasts). */
public record TypePeriod(OrganisationType type, LocalDate validFrom, LocalDate validTo) {

	public String label() {
		return type.label();
	}
}
