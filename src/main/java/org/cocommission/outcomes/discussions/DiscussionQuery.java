package org.cocommission.outcomes.discussions;

/**
 * The query of the discussion list and the link that starts a discussion: optionally an indicator, an organisation
 * (CCG or practice), a period, a peer and a chart. A blank parameter means not given.
 */
record DiscussionQuery(String indicator, String org, String period, String peer, String chart) {

	DiscussionQuery {
		indicator = given(indicator);
		org = given(org);
		period = given(period);
		peer = given(peer);
		chart = given(chart);
	}

	boolean filtered() {
		return indicator != null || org != null;
	}

	private static String given(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
