package org.cocommission.outcomes.alerts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.compute.IndicatorPeriod;
import org.cocommission.outcomes.compute.ValuesRecomputed;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts (issue 5, item 7): raised by {@link AlertRules} after every recompute for the indicators it touched, stored
 * once, withdrawn when corrected data no longer supports them, listed to the organisation itself, its CCG (for a
 * practice), its area team and national users, and acknowledged by the organisation.
 */
@Service
public class OutcomesAlerts {

	private static final Logger log = LoggerFactory.getLogger(OutcomesAlerts.class);

	public static final int MAX_NOTE = 500;

	/** The longest reason for withdrawing an alert: the column's size. */
	public static final int MAX_WITHDRAWAL_REASON = 500;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final AlertStore store;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final AlertConditions conditions;

	private final AlertWithdrawals withdrawals;

	private final ApplicationEventPublisher events;

	private final AlertsInStructure inStructure;

	OutcomesAlerts(Indicators indicators, OutcomesValues values, AlertStore store, AccessPolicy access,
			AuditTrail audit, AlertConditions conditions, AlertWithdrawals withdrawals,
			ApplicationEventPublisher events, AlertsInStructure inStructure) {
		this.inStructure = inStructure;
		this.indicators = indicators;
		this.values = values;
		this.store = store;
		this.access = access;
		this.audit = audit;
		this.conditions = conditions;
		this.withdrawals = withdrawals;
		this.events = events;
	}

	/** After every import's recompute (issue 5, item 7), in its transaction: the event is published synchronously. */
	@EventListener
	@Transactional
	void on(ValuesRecomputed recomputed) {
		raiseAfterRecompute(recomputed.touched());
	}

	/**
	 * Raises the alerts of the latest period against the previous one, for each indicator whose latest or previous
	 * period was just recomputed, and withdraws the open alerts of the touched periods the new values no longer
	 * support; runs in the import's transaction. Returns how many new alerts were stored.
	 */
	@Transactional
	int raiseAfterRecompute(List<IndicatorPeriod> touched) {
		long started = System.nanoTime();
		Map<String, Set<String>> periodsTouched = new LinkedHashMap<>();
		for (IndicatorPeriod pair : touched) {
			periodsTouched.computeIfAbsent(pair.indicatorId(), id -> new LinkedHashSet<>()).add(pair.period());
		}
		Map<AlertConditions.Pair, List<AlertRules.Raised>> evaluated = new LinkedHashMap<>();
		for (Map.Entry<String, Set<String>> entry : periodsTouched.entrySet()) {
			Indicator indicator = indicators.find(entry.getKey()).orElse(null);
			if (indicator == null || indicator.polarity() == Polarity.NO_JUDGEMENT) {
				continue;
			}
			List<String> periods = values.periods(indicator.id());
			if (periods.size() < 2) {
				continue;
			}
			String latest = periods.get(periods.size() - 1);
			String previous = periods.get(periods.size() - 2);
			if (!entry.getValue().contains(latest) && !entry.getValue().contains(previous)) {
				continue;
			}
			evaluated.put(new AlertConditions.Pair(indicator.id(), previous, latest),
					conditions.evaluate(indicator, previous, latest));
		}
		List<AlertRules.Raised> raised = evaluated.values().stream().flatMap(List::stream).toList();
		int withdrawn = withdrawals.withdrawUnsupported(periodsTouched, evaluated);
		int stored = store.insertNew(raised);
		if (stored > 0) {
			audit.record(new AuditEntry("OUTCOMES_ALERTS_RAISED", "OUTCOMES_ALERT", "recompute", null, null,
					new AlertsRaised(List.copyOf(periodsTouched.keySet()), raised.size(), stored)));
		}
		log.info("Outcomes alerts: {} found, {} new, {} withdrawn, for {} indicators in {} ms", raised.size(), stored,
				withdrawn, periodsTouched.size(), (System.nanoTime() - started) / 1_000_000);
		return stored;
	}

	/** The audit trail's record of a recompute's alerts: the indicators it touched, the alerts found and those new. */
	record AlertsRaised(List<String> indicators, int found, int raised) {
	}

	/** A page of the alerts the signed-in user may see. */
	@Transactional(readOnly = true)
	public PageOf<Alert> page(AlertFilter filter, int page, int size) {
		PageOf.check(page, size, 200);
		AlertStore.Scope scope = AlertStore.Scope.of(access.requireUser());
		return new PageOf<>(store.find(scope, filter, size, (long) page * size), page, size, store.count(scope, filter));
	}

	/**
	 * A page of the alerts the rule finds on the values re-mapped onto a structure's date, computed on read and never
	 * stored (docs/domain-rules.md#outcomes, "Alerts in a chosen structure"), in the signed-in user's scope.
	 */
	public PageOf<ComputedAlert> page(AlertFilter filter, Structure structure, int page, int size) {
		PageOf.check(page, size, 200);
		return inStructure.page(AlertStore.Scope.of(access.requireUser()), filter, structure, page, size);
	}

	/** Every alert of a structure the signed-in user may see under the filter, for the CSV download. */
	public List<ComputedAlert> all(AlertFilter filter, Structure structure) {
		return inStructure.all(AlertStore.Scope.of(access.requireUser()), filter, structure);
	}

	/** Every alert the signed-in user may see under the filter, for the CSV download. */
	@Transactional(readOnly = true)
	public List<Alert> all(AlertFilter filter) {
		return store.find(AlertStore.Scope.of(access.requireUser()), filter, Integer.MAX_VALUE, 0);
	}

	/** How many current unacknowledged alerts the signed-in user may see (0 when nobody is signed in). */
	@Transactional(readOnly = true)
	public long unacknowledgedCount() {
		return access.currentUser()
			.map(user -> store.count(AlertStore.Scope.of(user), AlertFilter.open()))
			.orElse(0L);
	}

	/** One alert; 404 when there is none, 403 when it is outside the user's scope. */
	@Transactional(readOnly = true)
	public Alert get(long id) {
		CurrentUser user = access.requireUser();
		Alert alert = store.find(id).orElseThrow(() -> new NoSuchElementException("No outcomes alert " + id));
		if (!AlertStore.Scope.of(user).includes(alert)) {
			throw new AccessDeniedException("Your account cannot see alerts of " + alert.orgCode());
		}
		return alert;
	}

	/** Whether the signed-in user acts for the alert's organisation itself, the only one who acknowledges it. */
	public boolean canAcknowledge(Alert alert) {
		return access.currentUser()
			.map(user -> (user.role() == Role.CCG || user.role() == Role.PRACTICE)
					&& alert.orgCode().equals(user.organisationCode()))
			.orElse(false);
	}

	/**
	 * The organisation acknowledges its alert, with an optional note; audited through {@link AlertAcknowledged}. 409 when someone else changed it
	 * first or it is already acknowledged.
	 */
	@Transactional
	public Alert acknowledge(long id, int version, String note) {
		Alert before = get(id);
		if (!canAcknowledge(before)) {
			throw new AccessDeniedException("Only " + before.orgCode() + " itself can acknowledge its alerts");
		}
		String text = note == null || note.isBlank() ? null : note.trim();
		if (text != null && text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "The note must be " + MAX_NOTE + " characters or fewer");
		}
		if (before.withdrawn()) {
			throw new OptimisticLockingFailureException("Alert " + id + " was withdrawn: the data no longer supports it");
		}
		if (before.acknowledged() || !store.acknowledge(id, version, access.requireUser().username(), text)) {
			throw new OptimisticLockingFailureException("Alert " + id + " was acknowledged or changed meanwhile");
		}
		Alert after = store.find(id).orElseThrow();
		events.publishEvent(new AlertAcknowledged(before, after));
		return after;
	}

	/**
	 * Whether the signed-in user may withdraw the alert (docs/domain-rules.md, "Withdrawing an alert"): NHS England
	 * any alert; an area team those within its area; a CCG its member practices' alerts, not its own (its area team
	 * judges those). The organisation the alert is about acknowledges it instead.
	 */
	public boolean canWithdraw(Alert alert) {
		return access.currentUser().map(user -> {
			if (!AlertStore.Scope.of(user).includes(alert)) {
				return false;
			}
			return switch (user.role()) {
				case NATIONAL, AREA_TEAM -> true;
				case CCG -> alert.level() == org.cocommission.outcomes.OutcomesLevel.PRACTICE
						&& user.organisationCode().equals(alert.ccgCode());
				case PRACTICE -> false;
			};
		}).orElse(false);
	}

	/** The alert, for a user who may withdraw it; 403 otherwise, before anything submitted is looked at. */
	@Transactional(readOnly = true)
	public Alert forWithdrawal(long id) {
		Alert alert = get(id);
		if (!canWithdraw(alert)) {
			throw new AccessDeniedException("Your account cannot withdraw alerts of " + alert.orgCode());
		}
		return alert;
	}

	/**
	 * A person withdraws an alert raised on data known to be wrong, with a reason: it leaves the open lists and
	 * digests of the organisation, its CCG and its area team, is kept with who, when and why, and is not raised again
	 * by a recompute of the same data. Audited through {@link AlertWithdrawn}; 409 when it changed or was withdrawn
	 * meanwhile.
	 */
	@Transactional
	public Alert withdraw(long id, Integer version, String reason) {
		Alert before = forWithdrawal(id);
		if (version == null) {
			throw new InvalidInputException("version", "Give the alert's version as read");
		}
		String text = reason == null ? "" : reason.trim();
		if (text.isEmpty()) {
			throw new InvalidInputException("reason", "Enter why the alert is withdrawn");
		}
		if (text.length() > MAX_WITHDRAWAL_REASON) {
			throw new InvalidInputException("reason",
					"The reason must be " + MAX_WITHDRAWAL_REASON + " characters or fewer");
		}
		if (before.withdrawn() || !store.withdrawBy(id, version, access.requireUser().username(), text)) {
			throw new OptimisticLockingFailureException("Alert " + id + " was withdrawn or changed meanwhile");
		}
		Alert after = store.find(id).orElseThrow();
		events.publishEvent(new AlertWithdrawn(before, after));
		return after;
	}
}
