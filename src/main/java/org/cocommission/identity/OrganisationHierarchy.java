package org.cocommission.identity;

import java.time.LocalDate;

/**
 * What identity needs to know of the directory to scope an account: implemented by the directory,
 * so that identity does not depend on it.
 */
public interface OrganisationHierarchy {

	/** Whether {@code code} is {@code ancestorCode} or sits under it (practice in CCG, CCG in area team) on {@code date}. */
	boolean isWithin(String code, String ancestorCode, LocalDate date);

	boolean exists(String code);

	/** The directory's type of the organisation ({@code NHS_ENGLAND}, {@code AREA_TEAM}, {@code CCG}, {@code GP_PRACTICE}...). */
	java.util.Optional<String> typeOf(String code);
}
