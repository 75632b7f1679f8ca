package org.cocommission.outcomes.alerts;

/**
 * The query parameters of the alert list, its CSV and the API, as sent: reason (significantly-worse or
 * into-worst-decile), indicator, level (practice or ccg), acknowledged (yes, no or any), withdrawn (yes or no), sort
 * and dir (asc or desc). A blank parameter means not given.
 */
record AlertQuery(String reason, String indicator, String level, String acknowledged, String withdrawn, String sort,
		String dir) {

	/** The filter these parameters ask for; a value it does not know is a 400 with a clear message. */
	AlertFilter filter() {
		return AlertFilter.parse(reason, indicator, level, acknowledged, withdrawn, sort, dir);
	}
}
