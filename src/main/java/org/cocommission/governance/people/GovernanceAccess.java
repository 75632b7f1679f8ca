package org.cocommission.governance.people;

import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Duty;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a CCG's governance. Reading: anyone who can see the CCG; changing the registers, committees and
 * meetings: the CCG's governance lead; a person's own declarations and gifts: that person too; marking entries
 * sensitive: the CCG's conflict of interest guardian. Work nobody signed in for (demo data at start-up, the reminder
 * job) runs as the system.
 */
@Component
public class GovernanceAccess {

	private final AccessPolicy policy;

	GovernanceAccess(AccessPolicy policy) {
		this.policy = policy;
	}

	/**
	 * The application itself: work done {@link ActingAs#system} (scheduled jobs, start-up). Work with no authentication at
	 * all is let through too until every caller acts as the system, while a web request always has one.
	 */
	boolean isSystem() {
		return ActingAs.isSystem() || SecurityContextHolder.getContext().getAuthentication() == null;
	}

	public void checkRead(String ccg) {
		if (!isSystem()) {
			policy.checkCanSee(ccg);
		}
	}

	public void checkNational() {
		if (!isSystem()) {
			policy.checkNational();
		}
	}

	public void checkLead(String ccg) {
		if (isSystem()) {
			return;
		}
		CurrentUser user = policy.requireUser();
		if (!policy.hasDuty(user, Duty.GOVERNANCE_LEAD, ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s governance lead may change its registers");
		}
	}

	public void checkGuardian(String ccg) {
		if (!isSystem() && !policy.hasDuty(Duty.CONFLICT_OF_INTEREST_GUARDIAN, ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s conflict of interest guardian may mark entries sensitive");
		}
	}

	public boolean isLead(String ccg) {
		return policy.hasDuty(Duty.GOVERNANCE_LEAD, ccg);
	}

	public boolean isGuardian(String ccg) {
		return policy.hasDuty(Duty.CONFLICT_OF_INTEREST_GUARDIAN, ccg);
	}

	/** A person changes their own declarations; the CCG's governance lead changes anyone's in the CCG. */
	public void checkOwnOrLead(People.PersonRow person) {
		if (isSystem()) {
			return;
		}
		CurrentUser user = policy.requireUser();
		boolean own = person.username() != null && person.username().equals(user.username());
		if (!own && !policy.hasDuty(user, Duty.GOVERNANCE_LEAD, person.ccgCode())) {
			throw new AccessDeniedException("You may change only your own declarations");
		}
	}

	public String actor() {
		return policy.currentUser().map(CurrentUser::username).orElse(AuditTrail.SYSTEM);
	}
}
