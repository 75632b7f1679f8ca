package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.read.OutcomesCharts;
import org.cocommission.outcomes.read.OutcomesTrends;
import org.cocommission.platform.Exports;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The alert list, one alert with its trends, the organisation's acknowledgement, withdrawing an alert (behind a
 * confirmation page), and the list as CSV.
 */
@Controller
class AlertPageController {

	private static final int PAGE_SIZE = 50;

	private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

	private final OutcomesAlerts alerts;

	private final OutcomesTrends trends;

	private final Indicators indicators;

	AlertPageController(OutcomesAlerts alerts, OutcomesTrends trends, Indicators indicators) {
		this.alerts = alerts;
		this.trends = trends;
		this.indicators = indicators;
	}

	@GetMapping("/outcomes/alerts")
	String list(AlertQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		AlertFilter filter = query.filter();
		// A structure's date: the alerts computed on values re-mapped onto it, not the stored ones
		// (docs/domain-rules.md#outcomes, "Alerts in a chosen structure").
		PageOf<?> shown = query.computed() ? alerts.page(filter, query.structure(), Math.max(0, page), PAGE_SIZE)
				: alerts.page(filter, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("alerts", shown);
		model.addAttribute("computedFor", query.computed() ? query.structure() : null);
		model.addAttribute("structure", query.computed() ? query.structure().parameter() : null);
		model.addAttribute("filter", filter);
		model.addAttribute("reasons", AlertReason.values());
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("reason", query.reason());
		model.addAttribute("indicator", filter.indicatorId());
		model.addAttribute("level", query.level());
		model.addAttribute("acknowledged", query.acknowledged() == null ? "any" : query.acknowledged());
		model.addAttribute("withdrawn", filter.withdrawn() ? "yes" : "no");
		model.addAttribute("sort", filter.sort());
		model.addAttribute("dir", filter.descending() ? "desc" : "asc");
		model.addAttribute("previousHref", shown.hasPrevious() ? pageHref(shown.page() - 1) : null);
		model.addAttribute("nextHref", shown.hasNext() ? pageHref(shown.page() + 1) : null);
		model.addAttribute("zone", LONDON);
		return "outcomes/alerts";
	}

	@GetMapping("/outcomes/alerts.csv")
	ResponseEntity<String> csv(AlertQuery query) {
		if (query.computed()) {
			return Exports.csvDownload(computedTable(alerts.all(query.filter(), query.structure())),
					"outcomes-alerts-" + query.structure().parameter() + ".csv");
		}
		List<Alert> all = alerts.all(query.filter());
		return Exports.csvDownload(table(all), "outcomes-alerts.csv");
	}

	@GetMapping("/outcomes/alerts/{id}")
	String alert(@PathVariable long id, Model model) {
		Alert alert = alerts.get(id);
		model.addAttribute("form", new Acknowledgement(alert.version(), ""));
		show(alert, model);
		return "outcomes/alert";
	}

	@PostMapping("/outcomes/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @Valid @ModelAttribute("form") Acknowledgement form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				alerts.acknowledge(id, form.version(), form.note());
				redirect.addFlashAttribute("message", "Alert acknowledged");
				return "redirect:/outcomes/alerts/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		show(alerts.get(id), model);
		return "outcomes/alert";
	}

	/** The confirmation page: what withdrawing changes and for whom, and the reason to give. */
	@GetMapping("/outcomes/alerts/{id}/withdraw")
	String confirmWithdrawal(@PathVariable long id, Model model) {
		Alert alert = alerts.forWithdrawal(id);
		if (alert.withdrawn()) {
			return "redirect:/outcomes/alerts/" + id;
		}
		model.addAttribute("alert", alert);
		model.addAttribute("form", new Withdrawal(alert.version(), ""));
		return "outcomes/alert-withdraw";
	}

	@PostMapping("/outcomes/alerts/{id}/withdraw")
	String withdraw(@PathVariable long id, @Valid @ModelAttribute("form") Withdrawal form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Alert alert = alerts.forWithdrawal(id);
		if (!result.hasErrors()) {
			try {
				Alert withdrawn = alerts.withdraw(id, form.version(), form.reason());
				redirect.addFlashAttribute("message", "Alert withdrawn. " + whoNoLongerSees(withdrawn)
						+ " It is kept, with your reason, among the withdrawn alerts.");
				return "redirect:/outcomes/alerts/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("alert", alert);
		return "outcomes/alert-withdraw";
	}

	/** Who stops seeing the alert among the current ones and in the daily e-mail, in words. */
	static String whoNoLongerSees(Alert alert) {
		StringBuilder who = new StringBuilder(alert.orgName() + " (" + alert.orgCode() + ")");
		if (alert.level() == org.cocommission.outcomes.OutcomesLevel.PRACTICE && alert.ccgCode() != null) {
			who.append(", its CCG ").append(alert.ccgCode());
		}
		if (alert.areaTeamCode() != null) {
			who.append(", its area team ").append(alert.areaTeamCode());
		}
		return who + " and NHS England no longer see it among the current alerts or in their daily alert e-mail.";
	}

	private void show(Alert alert, Model model) {
		model.addAttribute("alert", alert);
		model.addAttribute("trends", trends.trends(alert.indicatorId(), alert.level(), alert.orgCode()));
		model.addAttribute("unit", indicators.get(alert.indicatorId()).unit());
		model.addAttribute("canAcknowledge", alerts.canAcknowledge(alert) && !alert.acknowledged() && !alert.withdrawn());
		model.addAttribute("canWithdraw", alerts.canWithdraw(alert) && !alert.withdrawn());
		model.addAttribute("zone", LONDON);
	}

	static Table table(List<Alert> alerts) {
		List<List<Object>> rows = new ArrayList<>();
		for (Alert alert : alerts) {
			rows.add(java.util.Arrays.asList(alert.id(), alert.orgCode(), alert.orgName(), alert.level().label(),
					alert.ccgCode(), alert.areaTeamCode(), alert.indicatorId(), alert.indicatorName(),
					alert.reason().label(), alert.previousPeriod(), alert.period(), OutcomesCharts.figure(alert.previousValue()),
					OutcomesCharts.figure(alert.value()), alert.previousDecile(), alert.decile(),
					OutcomesCharts.figure(alert.z()), String.valueOf(alert.raisedAt()),
					alert.acknowledged() ? "Yes" : "No", alert.acknowledgedBy(), alert.acknowledgement(),
					alert.withdrawn() ? String.valueOf(alert.withdrawnAt()) : null, alert.withdrawnReason(),
					alert.withdrawnBy()));
		}
		return new Table("Outcomes alerts",
				List.of("Alert", "Organisation code", "Organisation", "Level", "CCG", "Area team", "Indicator id",
						"Indicator", "Reason", "Previous period", "Period", "Previous value", "Value", "Previous decile",
						"Decile", "z", "Raised", "Acknowledged", "Acknowledged by", "Note", "Withdrawn", "Withdrawn because",
						"Withdrawn by"),
				rows);
	}

	/** The alerts computed for a structure: the stored table's columns that apply, and the structure's date. */
	static Table computedTable(List<ComputedAlert> alerts) {
		List<List<Object>> rows = new ArrayList<>();
		for (ComputedAlert alert : alerts) {
			rows.add(java.util.Arrays.asList(alert.orgCode(), alert.orgName(), alert.level().label(), alert.ccgCode(),
					alert.areaTeamCode(), alert.indicatorId(), alert.indicatorName(), alert.reason().label(),
					alert.previousPeriod(), alert.period(), OutcomesCharts.figure(alert.previousValue()),
					OutcomesCharts.figure(alert.value()), alert.previousDecile(), alert.decile(),
					OutcomesCharts.figure(alert.z()), String.valueOf(alert.structure())));
		}
		return new Table("Outcomes alerts computed for a structure",
				List.of("Organisation code", "Organisation", "Level", "CCG", "Area team", "Indicator id", "Indicator",
						"Reason", "Previous period", "Period", "Previous value", "Value", "Previous decile", "Decile", "z",
						"Computed for the organisations of"),
				rows);
	}

	private static String pageHref(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}
}
