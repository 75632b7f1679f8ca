package org.cocommission.workforce;

import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.cocommission.platform.InvalidInputException;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workforce for machines: imports of the files as published, measures, trends and the national growth. */
@RestController
@RequestMapping("/api/v1/workforce")
class WorkforceApiController {

	private final WorkforceImports imports;

	private final WorkforceMeasures measures;

	private final WorkforceTargets targets;

	WorkforceApiController(WorkforceImports imports, WorkforceMeasures measures, WorkforceTargets targets) {
		this.imports = imports;
		this.measures = measures;
		this.targets = targets;
	}

	@Operation(summary = "Import a workforce file as published",
			description = "kind: practice-detailed (NHS Digital's practice-level Detailed file), high-level (the long"
					+ " file) or hchs (YEAR, STAFF_GROUP, FTE). date=YYYY-MM gives the month when the file has no"
					+ " EXTRACT_DATE. 200 with the report; 422 with the errors by row, and nothing stored.")
	@PostMapping("/imports/{kind}")
	WorkforceImportReport importFile(@PathVariable String kind,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		WorkforceFile file = WorkforceFile.fromSlug(kind);
		String name = fileName != null ? fileName : kind + ".csv";
		return switch (file) {
			case PRACTICE_DETAILED -> imports.importPracticeDetailed(name, request.getInputStream(), date);
			case HIGH_LEVEL -> imports.importHighLevel(name, request.getInputStream(), date);
			case HCHS -> imports.importNationalSeries(name, request.getInputStream());
		};
	}

	@GetMapping("/imports")
	List<WorkforceImportRecord> recent() {
		return imports.recentImports(100);
	}

	@Operation(summary = "A workforce measure for a month",
			description = "Rows {orgCode, numerator, denominator, value, withheld, practices, practicesLeftOut, decile}"
					+ " for the practices or CCGs the caller may see, or England. Aggregates add FTE and patients and"
					+ " leave out practices with a withheld figure, counting them.")
	@GetMapping("/measures")
	List<MeasureRow> measure(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "practice") WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date) {
		return measures.measure(measure, level, date != null ? date : latestMonth());
	}

	@GetMapping("/trend")
	List<TrendPoint> trend(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "england") WorkforceLevel level, @RequestParam(required = false) String org) {
		return measures.trend(measure, level, org);
	}

	@Operation(summary = "An organisation's workforce measure against its peers",
			description = "level=practice|ccg; the outcomes module's 10 most similar practices or CCGs, nearest first,"
					+ " with the peers' numerators over their denominators.")
	@GetMapping("/peers")
	PeerComparison peers(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "ccg") WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date,
			@RequestParam String org) {
		return measures.peers(measure, level, date != null ? date : latestMonth(), org);
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

	@GetMapping("/national-growth")
	List<IndexedSeries> growth(@RequestParam(required = false) List<String> group) {
		return measures.indexedGrowth(group);
	}

	@ExceptionHandler(WorkforceImportRejectedException.class)
	ResponseEntity<WorkforceImportReport> rejected(WorkforceImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ex.report());
	}

	private YearMonth latestMonth() {
		List<YearMonth> months = measures.months();
		if (months.isEmpty()) {
			throw new InvalidInputException(Map.of("date", "No workforce figures are imported yet"));
		}
		return months.get(months.size() - 1);
	}
}
