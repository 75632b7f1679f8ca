package org.cocommission.workforce.planning;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.Exports;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;
import org.cocommission.workforce.pages.Chart;
import org.cocommission.workforce.pages.Option;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Workforce planning: a CCG's target for a staff ratio, the gap per practice and in total for a month (and its CSV),
 * and the total gap month by month (docs/domain-rules.md#workforce, "Planning").
 */
@Controller
class WorkforcePlanningController {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

	private final WorkforceTargets targets;

	private final WorkforceMeasures measures;

	private final AccessPolicy access;

	private final JsonMapper json;

	WorkforcePlanningController(WorkforceTargets targets, WorkforceMeasures measures, AccessPolicy access,
			JsonMapper json) {
		this.targets = targets;
		this.measures = measures;
		this.access = access;
		this.json = json;
	}

	@GetMapping("/workforce/planning")
	String page(@RequestParam(required = false) String ccg,
			@RequestParam(name = "measure", defaultValue = "GP_FTE_PER_10K") WorkforceMeasure chosen,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date, Model model) {
		String code = ccgOrOwn(ccg);
		if (code == null) {
			model.addAttribute("chooseCcg", true);
			return "workforce/planning";
		}
		TargetForm form = new TargetForm(chosen,
				targets.target(code, chosen).map(WorkforceTarget::target).orElse(null));
		return page(code, chosen, date, form, model);
	}

	@PostMapping("/workforce/planning/{ccg}")
	String setTarget(@PathVariable String ccg, @Valid @ModelAttribute("form") TargetForm form, BindingResult result,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date, Model model,
			RedirectAttributes redirect) {
		if (!targets.canSet(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England set its workforce targets");
		}
		if (!result.hasErrors()) {
			try {
				WorkforceTarget set = targets.set(ccg, form);
				redirect.addFlashAttribute("message", "Target set: " + set.measure().label() + ", "
						+ set.target().stripTrailingZeros().toPlainString() + " " + set.measure().unit());
				return "redirect:/workforce/planning?ccg=" + ccg + "&measure=" + set.measure().name()
						+ (date == null ? "" : "&date=" + date);
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		WorkforceMeasure chosen = form.measure() != null && form.measure().targetable() ? form.measure()
				: WorkforceMeasure.GP_FTE_PER_10K;
		return page(ccg, chosen, date, form, model);
	}

	@GetMapping("/workforce/planning.csv")
	ResponseEntity<String> csv(@RequestParam String ccg,
			@RequestParam(name = "measure", defaultValue = "GP_FTE_PER_10K") WorkforceMeasure chosen,
			@RequestParam(name = "date") @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		WorkforcePlan plan = targets.plan(ccg, chosen, month);
		List<List<Object>> rows = new ArrayList<>();
		for (WorkforcePlan.Gap gap : plan.practices()) {
			rows.add(Arrays.asList(gap.orgCode(), gap.orgName(), gap.fte(), gap.patients(), gap.value(), plan.target(),
					gap.targetFte(), gap.gapFte(), gap.withheld() ? "withheld" : ""));
		}
		if (plan.total() != null) {
			WorkforcePlan.Gap total = plan.total();
			rows.add(Arrays.asList(ccg, "Total (" + plan.ccgName() + ")", total.fte(), total.patients(), total.value(),
					plan.target(), total.targetFte(), total.gapFte(), ""));
		}
		Table table = new Table(chosen.label() + " against target, " + ccg + ", " + month,
				List.of("Code", "Name", "FTE", chosen.weighted() ? "Weighted patients" : "Registered patients",
						chosen.label() + " (" + chosen.unit() + ")", "Target (" + chosen.unit() + ")", "FTE at target",
						"Gap (FTE short of target)", "Withheld"),
				rows);
		return Exports.csvDownload(table, "workforce-plan-" + ccg + "-"
				+ chosen.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + month + ".csv");
	}

	private String ccgOrOwn(String ccg) {
		if (ccg != null && !ccg.isBlank()) {
			return ccg.trim().toUpperCase(Locale.ROOT);
		}
		CurrentUser user = access.requireUser();
		return user.role() == Role.CCG ? user.organisationCode() : null;
	}

	private String page(String ccg, WorkforceMeasure chosen, YearMonth date, TargetForm form, Model model) {
		WorkforceMeasure measure = chosen.targetable() ? chosen : WorkforceMeasure.GP_FTE_PER_10K;
		List<YearMonth> months = measures.months();
		YearMonth month = date == null ? (months.isEmpty() ? null : months.get(months.size() - 1)) : date;
		WorkforcePlan plan = targets.plan(ccg, measure, month);
		model.addAttribute("plan", plan);
		model.addAttribute("measure", measure);
		model.addAttribute("month", month == null ? null : month.toString());
		model.addAttribute("monthLabel", month == null ? null : month.format(MONTH));
		if (!model.containsAttribute("form")) {
			// Re-adding the bound form would drop its errors (the binding result goes with the object bound).
			model.addAttribute("form", form);
		}
		java.util.Optional<java.time.LocalDate> closed = targets.closedOn(ccg);
		model.addAttribute("canSet", targets.canSet(ccg) && closed.isEmpty());
		model.addAttribute("closedOn", closed.map(day -> day.format(java.time.format.DateTimeFormatter.ofPattern(
				"d MMMM yyyy", java.util.Locale.UK))).orElse(null));
		Map<String, String> ratios = new LinkedHashMap<>();
		Arrays.stream(WorkforceMeasure.values())
			.filter(WorkforceMeasure::targetable)
			.forEach(m -> ratios.put(m.name(), m.label()));
		model.addAttribute("measureOptions", ratios);
		model.addAttribute("months", months.stream()
			.sorted(java.util.Comparator.reverseOrder())
			.map(m -> new Option(m.toString(), m.format(MONTH)))
			.toList());
		model.addAttribute("gapChart", json.writeValueAsString(gapChart(plan)));
		return "workforce/planning";
	}

	/** The CCG's staff FTE month by month and, once it has a target, the FTE the target asks for. */
	static Chart gapChart(WorkforcePlan plan) {
		List<String> categories = plan.overTime().stream().map(g -> YearMonth.parse(g.month()).format(MONTH)).toList();
		List<Chart.Series> series = new ArrayList<>();
		series.add(new Chart.Series("Staff FTE",
				plan.overTime().stream().map(g -> g.fte() == null ? "-" : (Object) g.fte()).toList()));
		if (plan.target() != null) {
			series.add(new Chart.Series("FTE at the target",
					plan.overTime().stream().map(g -> g.targetFte() == null ? "-" : (Object) g.targetFte()).toList()));
		}
		return new Chart(categories, "FTE", series);
	}
}
