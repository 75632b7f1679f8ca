package org.cocommission.outcomes.alerts;

import java.util.List;

import org.cocommission.outcomes.OutcomesLevel;

/**
 * What the alert list shows: optionally one reason, indicator, level, and acknowledged or not; the current alerts, or
 * with {@code withdrawn} only those withdrawn because corrected data no longer supports them; sorted by {@code raised}
 * (newest first by default), {@code organisation}, {@code indicator}, {@code reason} or {@code period}.
 */
public record AlertFilter(AlertReason reason, String indicatorId, OutcomesLevel level, Boolean acknowledged,
		boolean withdrawn, String sort, boolean descending) {

	static final List<String> SORTS = List.of("raised", "organisation", "indicator", "reason", "period");

	public AlertFilter {
		if (level != null && level != OutcomesLevel.PRACTICE && level != OutcomesLevel.CCG) {
			throw new IllegalArgumentException("Alerts are for practices and CCGs");
		}
		sort = sort == null || sort.isBlank() ? "raised" : sort;
		if (!SORTS.contains(sort)) {
			throw new IllegalArgumentException("sort must be one of " + String.join(", ", SORTS));
		}
		indicatorId = indicatorId == null || indicatorId.isBlank() ? null : indicatorId.trim();
	}

	/** The current alerts not yet acknowledged: the home page's count and the digest. */
	static AlertFilter open() {
		return new AlertFilter(null, null, null, false, false, null, true);
	}

	/** Parses the query parameters of the page and the API; a bad value is a 400 with a clear message. */
	static AlertFilter parse(String reason, String indicator, String level, String acknowledged, String withdrawn,
			String sort, String dir) {
		AlertReason chosenReason = blank(reason) ? null : reasonOf(reason);
		OutcomesLevel chosenLevel = blank(level) ? null : OutcomesLevel.fromSlug(level);
		Boolean chosenAcknowledged = switch (blank(acknowledged) ? "any" : acknowledged.trim().toLowerCase()) {
			case "any" -> null;
			case "yes", "true" -> true;
			case "no", "false" -> false;
			default -> throw new IllegalArgumentException("acknowledged must be yes, no or any");
		};
		boolean chosenWithdrawn = switch (blank(withdrawn) ? "no" : withdrawn.trim().toLowerCase()) {
			case "yes", "true" -> true;
			case "no", "false" -> false;
			default -> throw new IllegalArgumentException("withdrawn must be yes or no");
		};
		return new AlertFilter(chosenReason, indicator, chosenLevel, chosenAcknowledged, chosenWithdrawn, sort,
				dir == null || !dir.equalsIgnoreCase("asc"));
	}

	private static AlertReason reasonOf(String reason) {
		try {
			return AlertReason.valueOf(reason.trim().toUpperCase().replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("reason must be significantly-worse or into-worst-decile");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
