package org.cocommission.outcomes.alerts;

import org.cocommission.outcomes.Structure;

/**
 * The query parameters of the alert list, its CSV and the API, as sent: reason (significantly-worse or
 * into-worst-decile), indicator, level (practice or ccg), acknowledged (yes, no or any), withdrawn (yes or no), sort
 * and dir (asc or desc); structure ({@code as-was} or a date {@code YYYY-MM-DD}, bound as a type: the alerts as raised,
 * or those computed on the values re-mapped onto that date). A blank parameter means not given.
 */
record AlertQuery(String reason, String indicator, String level, String acknowledged, String withdrawn, String sort,
		String dir, Structure structure) {

	/** Whether the alerts computed for a structure are asked for, rather than the stored ones as raised. */
	boolean computed() {
		return structure != null && !structure.asWas();
	}

	/** The filter these parameters ask for; a value it does not know is a 400 with a clear message. */
	AlertFilter filter() {
		return AlertFilter.parse(reason, indicator, level, acknowledged, withdrawn, sort, dir);
	}
}
