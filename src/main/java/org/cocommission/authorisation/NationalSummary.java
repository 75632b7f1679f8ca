package org.cocommission.authorisation;

import java.util.List;

/** Every panel outcome: the totals, wave by wave. */
public record NationalSummary(int ccgs, int authorisedInFull, int withConditions, int withDirections,
		int notAuthorised, List<Wave> waves) {
}
