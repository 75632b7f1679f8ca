package org.cocommission.directory.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.TypePeriod;

/**
 * The dates and codes of the national structure the importers read files by (docs/domain-rules.md, "The dated
 * national structure"): CCGs from 1 April 2013; from 1 July 2022 each remaining CCG a sub-ICB location of an
 * integrated care board, keeping its code.
 */
public final class NationalStructure {

	/** The day CCGs took over from primary care trusts. */
	public static final LocalDate CCGS_ESTABLISHED = LocalDate.of(2013, 4, 1);

	/** The day the 42 ICBs were established and CCGs became their sub-ICB locations. */
	public static final LocalDate ICBS_ESTABLISHED = LocalDate.of(2022, 7, 1);

	/** The ODS role of a sub-ICB location, in eccg.csv's column 14. */
	public static final String SUB_ICB_LOCATION_ROLE = "RO319";

	/** Area teams (2013-2015) were coded Q and two digits ({@code Q74}); ICBs Q and letters ({@code QHM}, {@code QE1}). */
	private static final Pattern AREA_TEAM_CODE = Pattern.compile("Q\\d\\d");

	private NationalStructure() {
	}

	public static boolean looksLikeAreaTeam(String code) {
		return AREA_TEAM_CODE.matcher(code).matches();
	}

	/**
	 * What a CCG-level organisation open from {@code open} to {@code close} (last day; either may be null) was over
	 * time: a CCG until 30 June 2022 and, when it became a sub-ICB location, one from 1 July 2022.
	 */
	public static List<TypePeriod> commissionerTypes(LocalDate open, LocalDate close, boolean subIcbLocation) {
		List<TypePeriod> periods = new ArrayList<>();
		LocalDate lastCcgDay = ICBS_ESTABLISHED.minusDays(1);
		if (!subIcbLocation) {
			periods.add(new TypePeriod(OrganisationType.CCG, open, close));
			return periods;
		}
		if (open == null || open.isBefore(ICBS_ESTABLISHED)) {
			periods.add(new TypePeriod(OrganisationType.CCG, open,
					close != null && close.isBefore(lastCcgDay) ? close : lastCcgDay));
		}
		if (close == null || !close.isBefore(ICBS_ESTABLISHED)) {
			periods.add(new TypePeriod(OrganisationType.SUB_ICB_LOCATION,
					open == null || open.isBefore(ICBS_ESTABLISHED) ? ICBS_ESTABLISHED : open, close));
		}
		return periods;
	}
}
