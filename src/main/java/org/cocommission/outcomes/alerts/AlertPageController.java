package org.cocommission.outcomes.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.read.OutcomesTrends;
import org.cocommission.platform.Exports;
import org.cocommission.platform.PageOf;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The alert list, one alert with its trends, the organisation's acknowledgement, and the list as CSV. */
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
	String list(@RequestParam(required = false) String reason, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String level, @RequestParam(required = false) String acknowledged,
			@RequestParam(required = false) String withdrawn, @RequestParam(defaultValue = "raised") String sort,
			@RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "0") int page, Model model) {
		AlertFilter filter = AlertFilter.parse(reason, indicator, level, acknowledged, withdrawn, sort, dir);
		PageOf<Alert> shown = alerts.page(filter, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("alerts", shown);
		model.addAttribute("filter", filter);
		model.addAttribute("reasons", AlertReason.values());
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("reason", reason);
		model.addAttribute("indicator", filter.indicatorId());
		model.addAttribute("level", level);
		model.addAttribute("acknowledged", acknowledged == null ? "any" : acknowledged);
		model.addAttribute("withdrawn", filter.withdrawn() ? "yes" : "no");
		model.addAttribute("sort", filter.sort());
		model.addAttribute("dir", filter.descending() ? "desc" : "asc");
		model.addAttribute("previousHref", shown.hasPrevious() ? pageHref(shown.page() - 1) : null);
		model.addAttribute("nextHref", shown.hasNext() ? pageHref(shown.page() + 1) : null);
		model.addAttribute("zone", LONDON);
		return "outcomes/alerts";
	}

	@GetMapping("/outcomes/alerts.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String reason,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String level,
			@RequestParam(required = false) String acknowledged, @RequestParam(required = false) String withdrawn,
			@RequestParam(defaultValue = "raised") String sort, @RequestParam(defaultValue = "desc") String dir) {
		List<Alert> all = alerts.all(AlertFilter.parse(reason, indicator, level, acknowledged, withdrawn, sort, dir));
		return Exports.csvDownload(table(all), "outcomes-alerts.csv");
	}

	@GetMapping("/outcomes/alerts/{id}")
	String alert(@PathVariable long id, Model model) {
		Alert alert = alerts.get(id);
		show(alert, model, "", Map.of());
		return "outcomes/alert";
	}

	@PostMapping("/outcomes/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect) {
		if (note != null && note.trim().length() > OutcomesAlerts.MAX_NOTE) {
			Alert alert = alerts.get(id);
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("note", "The note must be " + OutcomesAlerts.MAX_NOTE + " characters or fewer");
			show(alert, model, note, errors);
			return "outcomes/alert";
		}
		alerts.acknowledge(id, version, note);
		redirect.addFlashAttribute("message", "Alert acknowledged");
		return "redirect:/outcomes/alerts/" + id;
	}

	private void show(Alert alert, Model model, String note, Map<String, String> errors) {
		model.addAttribute("alert", alert);
		model.addAttribute("trends", trends.trends(alert.indicatorId(), alert.level(), alert.orgCode()));
		model.addAttribute("unit", indicators.get(alert.indicatorId()).unit());
		model.addAttribute("canAcknowledge", alerts.canAcknowledge(alert) && !alert.acknowledged() && !alert.withdrawn());
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", LONDON);
	}

	static Table table(List<Alert> alerts) {
		List<List<Object>> rows = new ArrayList<>();
		for (Alert alert : alerts) {
			rows.add(java.util.Arrays.asList(alert.id(), alert.orgCode(), alert.orgName(), alert.level().label(),
					alert.ccgCode(), alert.areaTeamCode(), alert.indicatorId(), alert.indicatorName(),
					alert.reason().label(), alert.previousPeriod(), alert.period(), alert.previousValue(), alert.value(),
					alert.previousDecile(), alert.decile(), alert.z(), String.valueOf(alert.raisedAt()),
					alert.acknowledged() ? "Yes" : "No", alert.acknowledgedBy(), alert.acknowledgement(),
					alert.withdrawn() ? String.valueOf(alert.withdrawnAt()) : null, alert.withdrawnReason()));
		}
		return new Table("Outcomes alerts",
				List.of("Alert", "Organisation code", "Organisation", "Level", "CCG", "Area team", "Indicator id",
						"Indicator", "Reason", "Previous period", "Period", "Previous value", "Value", "Previous decile",
						"Decile", "z", "Raised", "Acknowledged", "Acknowledged by", "Note", "Withdrawn", "Withdrawn because"),
				rows);
	}

	private static String pageHref(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}
}
