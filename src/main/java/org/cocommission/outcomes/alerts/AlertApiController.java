package org.cocommission.outcomes.alerts;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;

import org.cocommission.outcomes.read.OutcomesQuery;
import org.cocommission.outcomes.read.OutcomesTrends;
import org.cocommission.outcomes.statistics.RecentTrend;
import org.cocommission.outcomes.statistics.Trend;
import org.cocommission.platform.PageOf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trends and alerts for machines. */
@RestController
@RequestMapping("/api/v1/outcomes")
@Tag(name = "Outcomes trends and alerts",
		description = "Significant change between periods per organisation, and the alert lists built on it")
class AlertApiController {

	private final OutcomesAlerts alerts;

	private final OutcomesTrends trends;

	AlertApiController(OutcomesAlerts alerts, OutcomesTrends trends) {
		this.alerts = alerts;
		this.trends = trends;
	}

	@Operation(summary = "One organisation's trend for every pair of consecutive periods, then first to latest",
			description = "level: practice, ccg, area-team, region or england. z is positive when the value rose;"
					+ " direction by the indicator's polarity, judged at 95%.")
	@GetMapping("/trends")
	List<Trend> trends(@RequestParam String indicator, @ParameterObject OutcomesQuery query) {
		return trends.trends(indicator, query.chosenLevel(), query.requiredOrg());
	}

	@Operation(summary = "An organisation's recent trend on a proportion: the chi-squared test for trend over its last"
			+ " five periods, significant above 9.5495 (99.8%), with its direction by polarity; not tested for other"
			+ " indicator types or with fewer than five values")
	@GetMapping("/trends/recent")
	RecentTrend recentTrend(@RequestParam String indicator, @ParameterObject OutcomesQuery query) {
		return trends.recent(indicator, query.chosenLevel(), query.requiredOrg());
	}

	@Operation(summary = "The alerts the signed-in user may see",
			description = "Practices and CCGs see their own, area teams those of their CCGs and practices, national"
					+ " users all; CCGs also their member practices' (the CCG the practice was in for the alert's"
					+ " period). reason: significantly-worse or into-worst-decile; level: practice or ccg;"
					+ " acknowledged: yes, no or any; withdrawn: no (default, the current alerts) or yes (those"
					+ " withdrawn because corrected data no longer supports them); sort: raised, organisation,"
					+ " indicator, reason or period. structure: as-was (the default: the alerts as raised, stored,"
					+ " acknowledged and withdrawn) or a date YYYY-MM-DD: the alerts the same rule finds on the values"
					+ " re-mapped onto the organisations of that date, computed on read and never stored; each item then"
					+ " has no id, acknowledgement or withdrawal and carries the structure's date.")
	@GetMapping("/alerts")
	PageOf<?> alerts(@ParameterObject AlertQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return query.computed() ? alerts.page(query.filter(), query.structure(), page, size)
				: alerts.page(query.filter(), page, size);
	}

	@Operation(summary = "One alert, current or withdrawn",
			description = "404 when there is none, 403 when it is outside your scope.")
	@GetMapping("/alerts/{id}")
	Alert alert(@PathVariable long id) {
		return alerts.get(id);
	}

	@Operation(summary = "The organisation acknowledges its alert",
			description = "Only the practice or CCG the alert is about; version as read (409 when it changed or was"
					+ " withdrawn).")
	@PostMapping("/alerts/{id}/acknowledge")
	Alert acknowledge(@PathVariable long id, @RequestBody Acknowledgement body) {
		return alerts.acknowledge(id, body.version(), body.note());
	}

	@Operation(summary = "Withdraw an alert raised on data known to be wrong",
			description = "NHS England any alert, an area team those in its area, a CCG its member practices'"
					+ " (403 otherwise, before the body is read). Body: the version as read and the reason (required,"
					+ " up to 500 characters; 400 naming the field). 409 when it changed or was withdrawn meanwhile."
					+ " The alert is kept with who, when and why, and not raised again by a recompute of the same data.")
	@PostMapping("/alerts/{id}/withdraw")
	Alert withdraw(@PathVariable long id, @RequestBody Withdrawal body) {
		return alerts.withdraw(id, body.version(), body.reason());
	}
}
