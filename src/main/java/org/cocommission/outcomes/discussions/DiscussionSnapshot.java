package org.cocommission.outcomes.discussions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The chart a comment refers to, as it was when the comment was posted: the figures the page draws ({@code chart}, in
 * this module's own snapshot format so that later changes to the live charts do not change it) and the same figures as
 * a table. Stored as JSON with the comment; never recomputed.
 */
public record DiscussionSnapshot(DiscussionChartKind kind, String title, String indicatorId, String orgCode,
		String period, Instant capturedAt, Map<String, Object> chart, List<String> headings, List<List<Object>> rows) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The figures for the page's chart script. */
	public String chartJson() {
		return JSON.writeValueAsString(chart);
	}
}
