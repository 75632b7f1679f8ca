package org.cocommission.outcomes.read;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.platform.InvalidInputException;

/**
 * The query parameters that choose what an indicator's pages, CSVs and API show: the level (practice, ccg, icb,
 * area-team, region or england; ccg when not given), the period, one organisation (ODS code) and a parent to narrow
 * to. A blank parameter means not given.
 */
public record OutcomesQuery(String level, String period, String org, String parent) {

	public OutcomesQuery {
		level = given(level);
		period = given(period);
		org = given(org);
		parent = given(parent);
	}

	/** The level asked for, CCGs when none; an unknown level is a 400 naming the levels there are. */
	public OutcomesLevel chosenLevel() {
		try {
			return level == null ? OutcomesLevel.CCG : OutcomesLevel.fromSlug(level);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("level", ex.getMessage());
		}
	}

	/** The period, where the page or file needs one: a 400 when it is not given. */
	public String requiredPeriod() {
		if (period == null) {
			throw new IllegalArgumentException("period is required");
		}
		return period;
	}

	/** The organisation, where the answer is about one: a 400 when it is not given. */
	public String requiredOrg() {
		if (org == null) {
			throw new IllegalArgumentException("org is required");
		}
		return org;
	}

	private static String given(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
