package org.cocommission.outcomes.alerts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.outcomes.Indicators;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Withdraws the open alerts the data no longer supports: after a recompute, each current unacknowledged alert whose
 * period or previous period was touched is checked against its condition on the new values, and withdrawn (kept, with
 * when and why) when it no longer holds - a corrected file re-imported over the one that raised it. Acknowledged
 * alerts stay as they are: the organisation has already acted on them.
 */
@Component
class AlertWithdrawals {

	static final String DATA_CORRECTED = "data corrected";

	private final AlertStore store;

	private final AlertConditions conditions;

	private final Indicators indicators;

	private final AuditTrail audit;

	AlertWithdrawals(AlertStore store, AlertConditions conditions, Indicators indicators, AuditTrail audit) {
		this.store = store;
		this.conditions = conditions;
		this.indicators = indicators;
		this.audit = audit;
	}

	/**
	 * Withdraws the unsupported open alerts of the touched indicator periods; {@code evaluated} are the pairs already
	 * evaluated by the caller with what holds for them. Returns how many were withdrawn.
	 */
	int withdrawUnsupported(Map<String, Set<String>> periodsTouched,
			Map<AlertConditions.Pair, List<AlertRules.Raised>> evaluated) {
		if (periodsTouched.isEmpty()) {
			return 0;
		}
		List<AlertStore.OpenKey> open = store.openOf(periodsTouched.keySet())
			.stream()
			.filter(alert -> periodsTouched.get(alert.indicatorId()).contains(alert.period())
					|| periodsTouched.get(alert.indicatorId()).contains(alert.previousPeriod()))
			.toList();
		if (open.isEmpty()) {
			return 0;
		}
		Map<AlertConditions.Pair, List<AlertRules.Raised>> holding = new HashMap<>(evaluated);
		Set<AlertStore.AlertKey> supported = new HashSet<>();
		Map<Long, String> orgOf = new LinkedHashMap<>();
		for (AlertStore.OpenKey alert : open) {
			AlertConditions.Pair pair = new AlertConditions.Pair(alert.indicatorId(), alert.previousPeriod(),
					alert.period());
			if (!holding.containsKey(pair)) {
				List<AlertRules.Raised> raised = indicators.find(alert.indicatorId())
					.map(indicator -> conditions.evaluate(indicator, alert.previousPeriod(), alert.period()))
					.orElse(List.of());
				holding.put(pair, raised);
			}
		}
		holding.values().forEach(raised -> raised.forEach(alert -> supported.add(AlertStore.AlertKey.of(alert))));
		open.stream().filter(alert -> !supported.contains(alert.key())).forEach(alert -> orgOf.put(alert.id(), alert.orgCode()));
		if (orgOf.isEmpty()) {
			return 0;
		}
		List<Long> withdrawn = store.withdraw(List.copyOf(orgOf.keySet()), DATA_CORRECTED);
		List<AuditEntry> entries = withdrawn.stream()
			.map(id -> new AuditEntry("OUTCOMES_ALERT_WITHDRAWN", "OUTCOMES_ALERT", Long.toString(id), orgOf.get(id),
					new State("open", null), new State("withdrawn", DATA_CORRECTED)))
			.toList();
		asSystem(entries);
		return withdrawn.size();
	}

	/**
	 * Records the entries with the system as the actor: the withdrawal follows from the data, not from a decision of
	 * whoever happened to import it.
	 */
	private void asSystem(List<AuditEntry> entries) {
		SecurityContext signedIn = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		try {
			audit.recordAll(entries);
		}
		finally {
			SecurityContextHolder.setContext(signedIn);
		}
	}

	/** The audit trail's record of an alert's state before and after its withdrawal, and why it was withdrawn. */
	record State(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
	}
}
