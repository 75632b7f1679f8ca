package org.cocommission.qualitypremium;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

/**
 * Who may do what in the quality premium, in one place: national analysts manage schemes, load data, compute and
 * publish; area teams decide their CCGs' local measures; CCG users propose theirs and read their own statements.
 * Work done as the system (the demo loader at start-up, scheduled jobs) may do all of it.
 */
@Component
public class QualityPremiumAccess {

	private final AccessPolicy access;

	private final UserAccounts accounts;

	private final Notifications notifications;

	QualityPremiumAccess(AccessPolicy access, UserAccounts accounts, Notifications notifications) {
		this.access = access;
		this.accounts = accounts;
		this.notifications = notifications;
	}

	/** A user's request, not the system's own work ({@link ActingAs#system}, or the demo loader at start-up). */
	private static boolean signedIn() {
		return SecurityContextHolder.getContext().getAuthentication() != null && !ActingAs.isSystem();
	}

	Optional<CurrentUser> user() {
		return signedIn() ? access.currentUser() : Optional.empty();
	}

	String actor() {
		return user().map(CurrentUser::username).orElse(AuditTrail.SYSTEM);
	}

	public void checkNational() {
		if (signedIn()) {
			access.checkNational();
		}
	}

	boolean isNational() {
		return user().map(CurrentUser::isNational).orElse(!signedIn());
	}

	void checkSee(String ccgCode) {
		if (signedIn()) {
			access.checkCanSee(ccgCode);
		}
	}

	boolean canSee(String ccgCode) {
		return !signedIn() || access.canSee(ccgCode);
	}

	/** Only a CCG's own users propose its local measures. */
	void checkOwnCcg(String ccgCode) {
		user().ifPresent(u -> {
			if (u.role() != Role.CCG || !ccgCode.equals(u.organisationCode())) {
				throw new org.springframework.security.access.AccessDeniedException(
						"Only " + ccgCode + "'s own users can propose its local measures");
			}
		});
	}

	/** The area team over the CCG decides (national users may too); the CCG itself may not agree its own measure. */
	void checkAreaTeamOver(String ccgCode) {
		user().ifPresent(u -> {
			if (!u.isNational() && !(u.role() == Role.AREA_TEAM && access.canSee(u, ccgCode))) {
				throw new org.springframework.security.access.AccessDeniedException(
						"Only the area team over " + ccgCode + " can agree or reject its local measures");
			}
		});
	}

	Optional<String> ownCcg() {
		return user().filter(u -> u.role() == Role.CCG).map(CurrentUser::organisationCode);
	}

	boolean isAreaTeam() {
		return user().map(u -> u.role() == Role.AREA_TEAM).orElse(false);
	}

	/** A notice to every account of the CCG. */
	public void noticeCcg(String ccgCode, String title, String body, String link) {
		for (UserView user : accounts.list(ccgCode, null, 0, 100).items()) {
			notifications.notice(user.username(), title, body, link);
		}
	}
}
