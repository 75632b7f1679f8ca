package org.cocommission.commissioningsupport;

import java.time.Instant;
import java.util.Map;

/**
 * A CCG's review of one service it buys in one year: the provider under review (the one bought from now, or the one
 * reviewed when answered) and the answers given, empty until the CCG answers.
 */
public record ServiceReview(String ccgCode, String year, SupportService service, SupportProvider provider,
		Map<ReviewQuestion, Integer> answers, String comments, Instant submittedAt) {

	public boolean answered() {
		return submittedAt != null;
	}
}
