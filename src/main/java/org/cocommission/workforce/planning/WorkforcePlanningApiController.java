package org.cocommission.workforce.planning;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.cocommission.platform.InvalidInputException;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CCGs' workforce planning for machines: targets for staff ratios and the gap against them. */
@RestController
@RequestMapping("/api/v1/workforce")
class WorkforcePlanningApiController {

	private final WorkforceMeasures measures;

	private final WorkforceTargets targets;

	WorkforcePlanningApiController(WorkforceMeasures measures, WorkforceTargets targets) {
		this.measures = measures;
		this.targets = targets;
	}

	@GetMapping("/targets")
	List<WorkforceTarget> targets(@RequestParam String ccg) {
		return targets.targets(ccg);
	}

	@Operation(summary = "Set a CCG's planning target for a staff ratio",
			description = "Body {measure, target}: a ratio per 10,000 registered or weighted patients. The CCG's own"
					+ " users and national users; audited.")
	@PutMapping("/targets/{ccg}")
	WorkforceTarget setTarget(@PathVariable String ccg, @Valid @RequestBody TargetForm form, BindingResult result) {
		if (!targets.canSet(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England set its workforce targets");
		}
		if (result.hasErrors()) {
			Map<String, String> problems = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(problems);
		}
		return targets.set(ccg, form);
	}

	@Operation(summary = "A CCG's gap against its target",
			description = "Per practice and in total for the month (the latest without date), and month by month:"
					+ " targetFte = target × patients ÷ 10,000, gapFte = targetFte − fte.")
	@GetMapping("/plan")
	WorkforcePlan plan(@RequestParam String ccg,
			@RequestParam(defaultValue = "GP_FTE_PER_10K") WorkforceMeasure measure,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date) {
		return targets.plan(ccg, measure, date != null ? date : latestMonth());
	}

	private YearMonth latestMonth() {
		List<YearMonth> months = measures.months();
		if (months.isEmpty()) {
			throw new InvalidInputException(Map.of("date", "No workforce figures are imported yet"));
		}
		return months.get(months.size() - 1);
	}
}
