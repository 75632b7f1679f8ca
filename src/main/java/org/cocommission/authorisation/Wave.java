package org.cocommission.authorisation;

import java.time.LocalDate;

/** An authorisation wave and the day its panel decided, with how many CCGs it decided and how. */
public record Wave(int number, LocalDate panelOn, int ccgs, int authorisedInFull, int withConditions,
		int withDirections, int notAuthorised) {
}
