package org.cocommission.cocommissioning.levels;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevelChanged;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.reminders.TransitionNotices;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Duty;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A delegated CCG ending delegation by notice (docs/domain-rules.md#co-commissioning): given by its accountable officer
 * with a reason, effective the next 1 April after a 30 September cut-off ({@link NoticePeriod}), when its level reverts
 * to joint commissioning or greater involvement as it chooses. The reversion is recorded as the CCG's level from that
 * date, so the directory and the national view change on the day without a job.
 */
@Service
@Transactional
public class DelegationNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	/** A notice given; {@code revertsTo} is the level from {@code effectiveOn}. */
	public record DelegationNotice(long id, String ccgCode, LocalDate givenOn, LocalDate effectiveOn,
			CommissioningLevel revertsTo, String reason, String givenBy) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final TransitionNotices notices;

	private final CommissioningLevels levels;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DelegationNotices(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit, TransitionNotices notices,
			CommissioningLevels levels, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.notices = notices;
		this.levels = levels;
		this.clock = clock;
	}

	/** Gives notice for the CCG today; only its accountable officer, only while it is delegated. */
	public DelegationNotice give(String ccg, CommissioningLevel revertsTo, String reason) {
		CurrentUser user = policy.requireUser();
		String code = ccg == null ? "" : ccg.trim().toUpperCase();
		policy.checkCanSee(code);
		if (!policy.hasDuty(user, Duty.ACCOUNTABLE_OFFICER, code)) {
			throw new AccessDeniedException("Only " + code + "'s accountable officer may give notice to end delegation");
		}
		if (revertsTo == null || revertsTo == CommissioningLevel.DELEGATED) {
			throw new InvalidInputException("revertsTo",
					"Choose the level to revert to: joint commissioning or greater involvement");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "Give the reason for ending delegation");
		}
		LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
		if (levels.levelOn(code, today) != CommissioningLevel.DELEGATED) {
			throw new IllegalArgumentException(code + " does not hold delegated commissioning, so there is nothing to end");
		}
		Optional<DelegationNotice> pending = pending(code);
		if (pending.isPresent()) {
			throw new IllegalArgumentException("Notice was already given on " + DAY.format(pending.get().givenOn())
					+ "; delegation ends on " + DAY.format(pending.get().effectiveOn()));
		}
		LocalDate effectiveOn = NoticePeriod.effectiveOn(today);
		if (jdbc.sql("select exists (select 1 from cocommissioning_level where ccg_code = ? and from_date >= ?)")
			.params(code, effectiveOn)
			.query(Boolean.class)
			.single()) {
			throw new IllegalArgumentException("A change of level is already recorded for " + code + " from "
					+ DAY.format(effectiveOn) + " or later");
		}
		long id = jdbc.sql("insert into cocommissioning_delegation_notice (ccg_code, given_on, effective_on, reverts_to,"
				+ " reason, given_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(code, today, effectiveOn, revertsTo.name(), reason.trim(), user.username())
			.query(Long.class)
			.single();
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date, application_id) values (?, ?, ?, null)")
			.params(code, revertsTo.name(), effectiveOn)
			.update();
		DelegationNotice notice = new DelegationNotice(id, code, today, effectiveOn, revertsTo, reason.trim(),
				user.username());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("effectiveOn", effectiveOn.toString());
		after.put("revertsTo", revertsTo.name());
		after.put("reason", reason.trim());
		audit.record(new AuditEntry("COCOMMISSIONING_DELEGATION_NOTICE", "COCOMMISSIONING_DELEGATION", String.valueOf(id),
				code, Map.of("level", CommissioningLevel.DELEGATED.name()), after));
		String title = code + " has given notice to end delegated commissioning";
		String body = code + " gave notice on " + DAY.format(today) + " to end delegated commissioning from "
				+ DAY.format(effectiveOn) + ", reverting to " + revertsTo.label().toLowerCase() + ".\n\nReason: "
				+ reason.trim();
		notices.send(notices.recipients(code, true), title, body, "/organisations/" + code,
				"cocommissioning-delegation-notice-" + id);
		events.publishEvent(new CommissioningLevelChanged(code, revertsTo, effectiveOn, null));
		return notice;
	}

	/** The notice whose date has not yet come, if any; levels are published, so anyone may see it. */
	@Transactional(readOnly = true)
	public Optional<DelegationNotice> pending(String ccg) {
		LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
		return all(ccg).stream().filter(n -> n.effectiveOn().isAfter(today)).findFirst();
	}

	/** Every notice the CCG gave, newest first. */
	@Transactional(readOnly = true)
	public List<DelegationNotice> all(String ccg) {
		return jdbc.sql("select id, ccg_code, given_on, effective_on, reverts_to, reason, given_by"
				+ " from cocommissioning_delegation_notice where ccg_code = ? order by effective_on desc")
			.param(ccg)
			.query(DelegationNotice.class)
			.list();
	}

	/** Notices not yet in effect, by CCG, for the national view. */
	@Transactional(readOnly = true)
	public Map<String, DelegationNotice> pendingByCcg() {
		LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
		Map<String, DelegationNotice> pending = new LinkedHashMap<>();
		jdbc.sql("select id, ccg_code, given_on, effective_on, reverts_to, reason, given_by"
				+ " from cocommissioning_delegation_notice where effective_on > ?")
			.param(today)
			.query(DelegationNotice.class)
			.list()
			.forEach(notice -> pending.put(notice.ccgCode(), notice));
		return pending;
	}
}
