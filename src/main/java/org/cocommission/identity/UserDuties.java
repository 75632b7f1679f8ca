package org.cocommission.identity;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants duties. An NHS England user, or the organisation's own governance lead, may grant a duty for that
 * organisation to an account of it; every grant is audited through {@link UserAccountChanged}.
 */
@Service
public class UserDuties {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	UserDuties(JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.events = events;
	}

	/** One duty of one account for one organisation. */
	public record DutyGrant(String username, Duty duty, String organisationCode) {

		public DutyGrant {
			if (username == null || username.isBlank() || duty == null || organisationCode == null
					|| organisationCode.isBlank()) {
				throw new IllegalArgumentException("A duty needs a username, a duty and an organisation code");
			}
		}
	}

	@Transactional
	public void grant(DutyGrant grant) {
		CurrentUser user = policy.requireUser();
		if (!user.isNational() && !policy.hasDuty(Duty.GOVERNANCE_LEAD, grant.organisationCode())) {
			throw new AccessDeniedException("Only NHS England or " + grant.organisationCode()
					+ "'s governance lead may grant its duties");
		}
		String accountOrganisation = jdbc.sql("select organisation_code from identity_user_account where username = ?")
			.param(grant.username())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No account called " + grant.username()));
		if (!accountOrganisation.equals(grant.organisationCode())) {
			throw new IllegalArgumentException(grant.username() + " belongs to " + accountOrganisation + ", not "
					+ grant.organisationCode());
		}
		insert(List.of(grant), user.username());
	}

	/** Grants duties with nobody signed in (demo data at start-up), in one batch. */
	@Transactional
	public int grantAtStartUp(List<DutyGrant> grants) {
		if (policy.currentUser().isPresent()) {
			throw new AccessDeniedException("Start-up grants are for the system only");
		}
		return insert(grants, "system");
	}

	public List<Duty> dutiesOf(String username, String organisationCode) {
		return jdbc.sql("select duty from identity_user_duty where username = ? and organisation_code = ? order by duty")
			.params(username, organisationCode)
			.query(Duty.class)
			.list();
	}

	private int insert(List<DutyGrant> grants, String grantedBy) {
		int granted = 0;
		for (DutyGrant grant : grants) {
			int inserted = jdbc.sql("insert into identity_user_duty (username, duty, organisation_code, granted_by)"
					+ " values (?, ?, ?, ?) on conflict do nothing")
				.params(grant.username(), grant.duty().name(), grant.organisationCode(), grantedBy)
				.update();
			if (inserted == 1) {
				granted++;
				events.publishEvent(new UserAccountChanged("DUTY_GRANTED", grant.username(),
						grant.organisationCode(), null, new UserAccountChanged.DutyGranted(grant.duty().name())));
			}
		}
		return granted;
	}
}
