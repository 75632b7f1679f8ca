package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which contracts: NHS England all; an area team its CCGs' practices; a CCG its member practices; a
 * practice its own (the directory's hierarchy today). Work done as the system sees everything.
 */
@Component
class ContractsAccess {

	private final AccessPolicy access;

	private final Directory directory;

	ContractsAccess(AccessPolicy access, Directory directory) {
		this.access = access;
		this.directory = directory;
	}

	String actor() {
		return ActingAs.isSystem() ? ActingAs.SYSTEM : access.requireUser().username();
	}

	void checkCanSee(String practiceCode) {
		if (!ActingAs.isSystem()) {
			access.checkCanSee(practiceCode);
		}
	}

	/** Changes to the register: NHS England, or the area team or CCG over the practice; never the practice itself. */
	void checkCanChange(String practiceCode) {
		if (ActingAs.isSystem()) {
			return;
		}
		CurrentUser user = access.requireUser();
		if (user.role() == Role.PRACTICE) {
			throw new AccessDeniedException("A practice cannot change its own contract in the register");
		}
		access.checkCanSee(practiceCode);
	}

	void checkNational() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}

	/** NHS England: its national users and its area teams (whose contract managers load the payments files). */
	void checkNhsEngland() {
		if (ActingAs.isSystem()) {
			return;
		}
		Role role = access.requireUser().role();
		if (role != Role.NATIONAL && role != Role.AREA_TEAM) {
			throw new AccessDeniedException("Only NHS England, nationally or in an area team, loads payments files");
		}
	}

	/** The practices the viewer may see today; null for all of them. */
	Set<String> visiblePractices() {
		if (ActingAs.isSystem()) {
			return null;
		}
		CurrentUser user = access.requireUser();
		if (user.isNational()) {
			return null;
		}
		LocalDate today = directory.today();
		Set<String> practices = new HashSet<>();
		switch (user.role()) {
			case PRACTICE -> practices.add(user.organisationCode());
			case CCG -> practicesOf(user.organisationCode(), today, practices);
			default -> directory.children(user.organisationCode(), today)
				.stream()
				.filter(child -> child.type() == OrganisationType.CCG)
				.forEach(ccg -> practicesOf(ccg.code(), today, practices));
		}
		return practices;
	}

	/** The practices of a CCG today. */
	Set<String> practicesOf(String ccgCode, LocalDate date, Set<String> into) {
		for (OrganisationSummary child : directory.children(ccgCode, date)) {
			if (child.type() == OrganisationType.GP_PRACTICE) {
				into.add(child.code());
			}
		}
		return into;
	}
}
