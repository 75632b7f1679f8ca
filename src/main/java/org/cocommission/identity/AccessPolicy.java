package org.cocommission.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.cocommission.identity.accounts.AccountDetails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Object-level access: who may read or change an organisation's non-public data.
 * National users reach everything; every other account reaches its organisation and what sits under it today.
 */
@Component
public class AccessPolicy {

	private final OrganisationHierarchy hierarchy;

	private final Clock clock;

	private final JdbcClient jdbc;

	AccessPolicy(OrganisationHierarchy hierarchy, Clock clock, JdbcClient jdbc) {
		this.hierarchy = hierarchy;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Whether the signed-in user holds {@code duty} for the organisation {@code organisationCode}. */
	public boolean hasDuty(Duty duty, String organisationCode) {
		return currentUser().map(user -> hasDuty(user, duty, organisationCode)).orElse(false);
	}

	public boolean hasDuty(CurrentUser user, Duty duty, String organisationCode) {
		return organisationCode != null && jdbc.sql("select exists (select 1 from identity_user_duty"
				+ " where username = ? and duty = ? and organisation_code = ?)")
			.params(user.username(), duty.name(), organisationCode)
			.query(Boolean.class)
			.single();
	}

	public Optional<CurrentUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof AccountDetails account)) {
			return Optional.empty();
		}
		return Optional.of(account.currentUser());
	}

	public CurrentUser requireUser() {
		return currentUser().orElseThrow(() -> new AccessDeniedException("Sign in to see this"));
	}

	/**
	 * For reads open to every signed-in user: refuses an anonymous request and work with no authentication at all, but
	 * lets the application itself through (work done {@link ActingAs#system}).
	 */
	public void requireUserOrSystem() {
		if (!ActingAs.isSystem()) {
			requireUser();
		}
	}

	public boolean canSee(String organisationCode) {
		return currentUser().map(user -> canSee(user, organisationCode)).orElse(false);
	}

	public boolean canSee(CurrentUser user, String organisationCode) {
		if (user.isNational()) {
			return true;
		}
		return organisationCode != null
				&& hierarchy.isWithin(organisationCode, user.organisationCode(), LocalDate.now(clock));
	}

	/** Refuses, as a 403, access to an organisation outside the current user's scope. */
	public void checkCanSee(String organisationCode) {
		if (!canSee(requireUser(), organisationCode)) {
			throw new AccessDeniedException("Your account cannot see " + organisationCode + "'s data");
		}
	}

	public void checkNational() {
		if (!requireUser().isNational()) {
			throw new AccessDeniedException("Only NHS England users can do this");
		}
	}
}
